import type { ChatPort, ChatRef } from '../../core/chat/chat-port.ts';
import type { IncidentStore } from '../../core/storage/incident-store.ts';
import type { RunbookDeps } from '../runbooks/runbook-deps.ts';
import type { IncidentBoard } from './incident-board.ts';

/** What proposing, approving and running runbooks from chat needs. */
export type RunbookChatDeps = {
  readonly chat: ChatPort;
  readonly incidents: IncidentStore;
  readonly board: IncidentBoard;
  readonly runbook: RunbookDeps;
  /** The Slack user groups (S…) a user is in, for approver groups that name user groups. */
  readonly groupsOf: (user: string) => Promise<readonly string[]>;
  /**
   * The approval cards this process posted, by run id: re-rendered every minute while approvals
   * are pending (the countdown, and expiry shown), forgotten once settled. After a restart the
   * cards still pending are found again in the audit trail (adoptApprovalCards).
   */
  readonly cards?: Map<string, ChatRef>;
};
