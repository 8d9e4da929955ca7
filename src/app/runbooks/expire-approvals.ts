import { stepMove } from '../../core/runbooks/step-move.ts';
import type { ApprovalRequest } from '../../core/storage/run-store.ts';
import type { RunbookDeps } from './runbook-deps.ts';

/**
 * Settles every pending approval request past its expiry (call it every minute): the request
 * becomes `expired`, the step `expired` (approval can be requested again), `approval.expired` is
 * audited. Conditional, so replicas sweeping together settle each request once. Returns the
 * requests this call expired (their approval cards need an update).
 */
export async function expireApprovals(deps: Pick<RunbookDeps, 'runs' | 'audit' | 'now'>): Promise<ApprovalRequest[]> {
  const now = deps.now();
  const out: ApprovalRequest[] = [];
  for (const r of await deps.runs.pendingApprovals(now - 1)) {
    if (!(await deps.runs.settleApproval(r.runId, r.stepIndex, 'expired', now))) continue;
    // The request was pending, so the step awaits approval.
    const move = stepMove('expire', { only: 'awaiting-approval' });
    const run = await deps.runs.transitionStep(r.runId, r.stepIndex, move.from, { status: move.to, at: now });
    await deps.audit.append({
      actor: 'system',
      action: 'approval.expired',
      subject: `run:${r.runId}/step:${r.stepIndex}`,
      data: {
        ...(run ? { incidentId: run.incidentId } : {}),
        runId: r.runId,
        step: r.stepIndex,
        stepHash: r.stepHash,
        expiresAt: new Date(r.expiresAt).toISOString(),
      },
    });
    out.push({ ...r, state: 'expired' });
  }
  return out;
}
