import { planHash } from '../../core/autonomy/plan-hash.ts';
import type { ShadowRecord } from '../../core/autonomy/shadow-record.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { matchRunbooks } from '../../core/runbooks/match-runbooks.ts';
import { planRunbook } from '../../core/runbooks/plan-runbook.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';

/**
 * Shadow mode: for an incident's triage, every runbook that fits it and would change something
 * records what it would have proposed and run — its rendered plan's step hashes and the plan's
 * hash — without running or storing a run. Once per incident and runbook (a re-triage keeps the
 * first record). Audits `autonomy.shadow-recorded` for each new record. Runbooks whose plan cannot
 * be rendered (a parameter missing) record nothing.
 */
export async function recordShadowPlans(
  deps: Pick<AutonomyDeps, 'autonomy' | 'audit' | 'catalog' | 'executors' | 'now' | 'newId'>,
  input: { readonly incidentId: string; readonly report: TriageReport; readonly alert?: Alert },
): Promise<ShadowRecord[]> {
  const alert = input.alert ?? input.report.alerts[0];
  const out: ShadowRecord[] = [];
  for (const offer of matchRunbooks(deps.catalog, input.report, alert)) {
    const { runbook, hypothesis } = offer;
    const plan = planRunbook(runbook, {}, { alert, hypothesis }, deps.executors.definitions);
    if (!plan.ok || plan.value.steps.every((s) => s.risk === 'read')) continue;
    const steps = plan.value.steps.map((s) => ({ index: s.index, id: s.id, hash: s.hash }));
    const recorded = await deps.autonomy.recordShadow({
      id: deps.newId(),
      incidentId: input.incidentId,
      runbookId: runbook.id,
      hypothesisId: hypothesis?.id,
      service: hypothesis?.service,
      kind: hypothesis?.kind,
      probability: hypothesis?.probability,
      planHash: planHash(steps.map((s) => s.hash)),
      steps,
      recordedAt: deps.now(),
    });
    out.push(recorded.record);
    if (!recorded.created) continue;
    await deps.audit.append({
      actor: 'system',
      action: 'autonomy.shadow-recorded',
      subject: `shadow:${recorded.record.id}`,
      data: {
        incidentId: input.incidentId,
        runbook: runbook.id,
        ...(hypothesis ? { hypothesisId: hypothesis.id, service: hypothesis.service, kind: hypothesis.kind } : {}),
        planHash: recorded.record.planHash,
        steps: steps.map((s) => ({ step: s.index, id: s.id, stepHash: s.hash })),
      },
    });
  }
  return out;
}
