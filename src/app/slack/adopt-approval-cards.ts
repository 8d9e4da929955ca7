import type { ChatRef } from '../../core/chat/chat-port.ts';
import type { RunbookDeps } from '../runbooks/runbook-deps.ts';
import { runMessages } from './run-messages.ts';

/**
 * After a restart: the approval cards still waiting for decisions (their requests pending in the
 * store) are found again through the audit trail (`message.posted`, kind `runbook-approval`, of
 * their run) and added to `cards`, so the minute tick keeps their countdowns and expiries current.
 * Returns how many were adopted.
 */
export async function adoptApprovalCards(
  deps: Pick<RunbookDeps, 'runs' | 'audit'> & { readonly cards: Map<string, ChatRef> },
): Promise<number> {
  let adopted = 0;
  const runIds = new Set((await deps.runs.pendingApprovals()).map((r) => r.runId));
  for (const runId of runIds) {
    if (deps.cards.has(runId)) continue;
    const run = await deps.runs.get(runId);
    if (!run) continue;
    const card = (await runMessages(deps.audit, run))
      .filter((d) => d.kind === 'runbook-approval' && typeof d.channel === 'string' && typeof d.ts === 'string')
      .at(-1);
    if (!card) continue;
    deps.cards.set(runId, { channel: card.channel as string, ts: card.ts as string });
    adopted++;
  }
  return adopted;
}
