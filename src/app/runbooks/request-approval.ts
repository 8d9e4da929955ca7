import type { AuditActor } from '../../core/audit/audit-actor.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import { stepMove } from '../../core/runbooks/step-move.ts';
import type { ApprovalRequest, Run } from '../../core/storage/run-store.ts';
import { loadRun } from './load-run.ts';
import type { RunbookDeps } from './runbook-deps.ts';

/**
 * Asks for approval of every step of a run that needs it and is not yet asked (pending) or whose
 * request expired: one request per step, bound to the step's hash, `min` approvers, expiring after
 * the policy's time (default 30 min). Steps already awaiting approval keep their request and the
 * decisions so far (a retried click changes nothing). Audits `approval.requested` per step.
 */
export async function requestApproval(
  deps: Pick<RunbookDeps, 'runs' | 'audit' | 'policy' | 'now'>,
  input: { readonly runId: string; readonly requestedBy: AuditActor },
): Promise<Result<{ readonly run: Run; readonly requested: readonly ApprovalRequest[] }, CausewayError>> {
  const loaded = await loadRun(deps.runs, input.runId);
  if (!loaded.ok) return loaded;
  const { run, plan } = loaded.value;
  if (run.status !== 'proposed' && run.status !== 'running')
    return { ok: false, error: { code: 'RUN_NOT_FOUND', message: `run ${run.id} is ${run.status}: propose it again` } };
  const requested: ApprovalRequest[] = [];
  let latest = run;
  for (const s of plan.steps) {
    const stored = run.steps[s.index];
    if (!s.approval || !stored || (stored.status !== 'pending' && stored.status !== 'expired')) continue;
    const at = deps.now();
    const request = await deps.runs.requestApproval({
      runId: run.id,
      stepIndex: s.index,
      stepHash: stored.renderedHash,
      requestedBy: input.requestedBy,
      required: s.approval.min,
      requestedAt: at,
      expiresAt: at + deps.policy.expiryMs,
    });
    const ask = stepMove('request-approval');
    const moved = await deps.runs.transitionStep(run.id, s.index, ask.from, { status: ask.to, at });
    if (!moved) continue;
    latest = moved;
    requested.push(request);
    await deps.audit.append({
      actor: input.requestedBy,
      action: 'approval.requested',
      subject: `run:${run.id}/step:${s.index}`,
      data: {
        incidentId: run.incidentId,
        runId: run.id,
        step: s.index,
        stepId: s.id,
        stepHash: stored.renderedHash,
        risk: s.risk,
        required: s.approval.min,
        from: [...s.approval.from],
        expiresAt: new Date(request.expiresAt).toISOString(),
      },
    });
  }
  return { ok: true, value: { run: latest, requested } };
}
