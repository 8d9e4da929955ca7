import { stepMove } from '../../core/runbooks/step-move.ts';
import type { Run } from '../../core/storage/run-store.ts';
import type { LoadedRun } from '../runbooks/decode-run.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';

/**
 * The gates stand in for people: every step of the run that belongs to an autonomous step (the
 * step, its verify and rollback steps) and needs approval is requested and granted by `system`,
 * bound to its rendered hash, through the same store moves as a person's approval — so the step
 * runs through the same exactly-once execution (re-rendered and compared before it runs). Audits
 * `approval.granted` per step (`by: autonomy`). Returns the run after.
 */
export async function grantAutonomousSteps(
  deps: Pick<AutonomyDeps, 'runs' | 'audit' | 'catalog' | 'policy' | 'now'>,
  loaded: LoadedRun,
): Promise<Run> {
  const { run, plan } = loaded;
  const runbook = deps.catalog.get(run.runbook);
  let latest = run;
  for (const s of plan.steps) {
    const mainId = s.parent === undefined ? s.id : plan.steps[s.parent]?.id;
    const autonomy = runbook?.steps.find((x) => x.id === mainId)?.autonomy;
    const stored = run.steps[s.index];
    if (autonomy !== 'autonomous' || !s.approval || stored?.status !== 'pending') continue;
    const at = deps.now();
    await deps.runs.requestApproval({
      runId: run.id,
      stepIndex: s.index,
      stepHash: stored.renderedHash,
      requestedBy: 'system',
      required: 1,
      requestedAt: at,
      expiresAt: at + deps.policy.expiryMs,
    });
    const ask = stepMove('request-approval');
    if (!(await deps.runs.transitionStep(run.id, s.index, ask.from, { status: ask.to, at }))) continue;
    const decided = await deps.runs.decide({
      runId: run.id,
      stepIndex: s.index,
      stepHash: stored.renderedHash,
      approver: 'system',
      decision: 'granted',
      at,
    });
    if (!decided.recorded || !(await deps.runs.settleApproval(run.id, s.index, 'granted', at))) continue;
    const grant = stepMove('grant', { only: 'awaiting-approval' });
    latest = (await deps.runs.transitionStep(run.id, s.index, grant.from, { status: grant.to, at })) ?? latest;
    await deps.audit.append({
      actor: 'system',
      action: 'approval.granted',
      subject: `run:${run.id}/step:${s.index}`,
      data: { incidentId: run.incidentId, runId: run.id, step: s.index, stepHash: stored.renderedHash, by: 'autonomy' },
    });
  }
  return latest;
}
