import { buildApprovalCardBlocks } from '../../core/chat/approval-card-blocks.ts';
import { expireApprovals } from '../runbooks/expire-approvals.ts';
import { loadRunView } from '../runbooks/load-run-view.ts';
import type { RunbookChatDeps } from './runbook-chat-deps.ts';

/**
 * The minute tick of the approval cards: approval requests that ran out of time are settled (and
 * audited `approval.expired`), then every card this process posted is re-rendered — its countdown,
 * an expiry, a run finished elsewhere — and forgotten once nothing on it is pending. Returns how
 * many cards were edited.
 */
export async function refreshApprovalCards(deps: Pick<RunbookChatDeps, 'chat' | 'runbook' | 'cards'>): Promise<number> {
  await expireApprovals(deps.runbook);
  if (!deps.cards) return 0;
  let edited = 0;
  for (const [runId, ref] of [...deps.cards]) {
    const view = await loadRunView(deps.runbook, runId);
    if (!view.ok) {
      deps.cards.delete(runId);
      continue;
    }
    const r = await deps.chat.update(ref, buildApprovalCardBlocks(view.value, deps.runbook.now()));
    if (r.ok) edited++;
    const active = view.value.run.status === 'proposed' || view.value.run.status === 'running';
    const pending = [...view.value.run.steps].some((s) => s.status === 'awaiting-approval');
    if (!active || !pending || !r.ok) deps.cards.delete(runId);
  }
  return edited;
}
