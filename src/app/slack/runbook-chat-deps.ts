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
   * are pending (the countdown, and expiry shown), forgotten once settled. In memory: after a
   * restart older cards keep their last rendering, and their buttons still work.
   */
  readonly cards?: Map<string, ChatRef>;
};
