import type { AuditActor } from '../../core/audit/audit-actor.ts';
import { stepMove } from '../../core/runbooks/step-move.ts';
import type { Run } from '../../core/storage/run-store.ts';
import type { LoadedRun } from '../runbooks/decode-run.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';

/**
 * Records the approval of the given pending steps of a run by `approver` (the gates: `system`; an
 * Undo: the person who pressed it), bound to each step's rendered hash, through the same store
 * moves as an approval card (requested by `system`, granted, settled) — so they run through the
 * same exactly-once execution. Audits `approval.granted` per step with `by`. Returns the run after.
 */
export async function grantSteps(
  deps: Pick<AutonomyDeps, 'runs' | 'audit' | 'policy' | 'now'>,
  loaded: LoadedRun,
  indexes: readonly number[],
  approver: AuditActor,
  by: 'autonomy' | 'undo',
): Promise<Run> {
  const { run, plan } = loaded;
  let latest = run;
  for (const i of indexes) {
    const s = plan.steps[i];
    const stored = run.steps[i];
    if (!s?.approval || stored?.status !== 'pending') continue;
    const at = deps.now();
    await deps.runs.requestApproval({
      runId: run.id,
      stepIndex: i,
      stepHash: stored.renderedHash,
      requestedBy: 'system',
      required: 1,
      requestedAt: at,
      expiresAt: at + deps.policy.expiryMs,
    });
    const ask = stepMove('request-approval');
    if (!(await deps.runs.transitionStep(run.id, i, ask.from, { status: ask.to, at }))) continue;
    const decided = await deps.runs.decide({
      runId: run.id,
      stepIndex: i,
      stepHash: stored.renderedHash,
      approver,
      decision: 'granted',
      at,
    });
    if (!decided.recorded || !(await deps.runs.settleApproval(run.id, i, 'granted', at))) continue;
    const grant = stepMove('grant', { only: 'awaiting-approval' });
    latest = (await deps.runs.transitionStep(run.id, i, grant.from, { status: grant.to, at })) ?? latest;
    await deps.audit.append({
      actor: approver,
      action: 'approval.granted',
      subject: `run:${run.id}/step:${i}`,
      data: { incidentId: run.incidentId, runId: run.id, step: i, stepHash: stored.renderedHash, by },
    });
  }
  return latest;
}
