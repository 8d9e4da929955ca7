import type { AuditRecord } from '../../core/audit/audit-record.ts';
import type { GateDecision } from '../../core/autonomy/evaluate-gates.ts';
import type { RunbookStanding } from '../../core/autonomy/runbook-eligibility.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { advanceRun } from '../runbooks/advance-run.ts';
import { decideApproval } from '../runbooks/decide-approval.ts';
import { proposeRun } from '../runbooks/propose-run.ts';
import { requestApproval } from '../runbooks/request-approval.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';
import { decideAutonomousRun } from './decide-autonomous-run.ts';
import { pauseAutonomy } from './pause-autonomy.ts';
import { recordShadowPlans } from './record-shadow-plans.ts';
import { reportAutonomy } from './report-autonomy.ts';
import { resumeAutonomy } from './resume-autonomy.ts';
import { type CountdownOutcome, runDueCountdown } from './run-due-countdown.ts';
import { scoreShadowRecords } from './score-shadow-records.ts';

export type AutonomyDemoEvent =
  | { readonly kind: 'shadow'; readonly incidents: number; readonly standing: RunbookStanding | undefined }
  | { readonly kind: 'countdown'; readonly runbook: string; readonly step: string; readonly seconds: number }
  | { readonly kind: 'ran'; readonly outcome: CountdownOutcome }
  | { readonly kind: 'paused'; readonly decision: GateDecision | undefined }
  | { readonly kind: 'explained'; readonly record: AuditRecord | undefined };

/**
 * Earned autonomy end to end, for `npm run demo`: `incidents` incidents handled by people (the
 * runbook in shadow, proposed, approved, run, scored) make it eligible; the next one runs by itself
 * after its stop window (`skip` moves the demo's clock past it: nobody presses Stop) and verifies;
 * then a pause sends the next one back to supervised. Returns whether it went as described.
 */
export async function demonstrateEarnedAutonomy(
  deps: AutonomyDeps,
  input: {
    readonly id: string;
    readonly report: TriageReport;
    readonly alert?: Alert;
    readonly requester: string;
    readonly approver: string;
    readonly incidents: number;
    /** Moves the demo's clock forward (past a stop window, an hour between incidents). */
    readonly skip: (ms: number) => void;
    readonly onEvent: (e: AutonomyDemoEvent) => void;
  },
): Promise<boolean> {
  const at = (n: number) => ({
    incidentId: `${input.id}-${n}`,
    report: input.report,
    ...(input.alert ? { alert: input.alert } : {}),
  });
  for (let n = 1; n <= input.incidents; n++) {
    const x = at(n);
    await recordShadowPlans(deps, x);
    const offer = (await deps.autonomy.shadowsOf(x.incidentId))[0];
    if (!offer) return false;
    const p = await proposeRun(deps, { ...x, runbookId: offer.runbookId, proposedBy: `slack:${input.requester}` });
    if (!p.ok) return false;
    await requestApproval(deps, { runId: p.value.run.id, requestedBy: `slack:${input.requester}` });
    for (const s of p.value.plan.steps.filter((s) => s.approval && s.role === 'main'))
      await decideApproval(deps, {
        runId: p.value.run.id,
        step: s.index,
        user: input.approver,
        decision: 'approve',
        groupsOf: async () => [],
      });
    await advanceRun(deps, { runId: p.value.run.id, actor: `slack:${input.approver}` });
    await scoreShadowRecords(deps, { incidentId: x.incidentId });
    input.skip(3_600_000);
  }
  input.onEvent({ kind: 'shadow', incidents: input.incidents, standing: (await reportAutonomy(deps)).standings[0] });

  const auto = at(input.incidents + 1);
  await recordShadowPlans(deps, auto);
  const d = await decideAutonomousRun(deps, auto);
  if (d.outcome !== 'countdown' || !d.countdown) return false;
  const step = d.plan.steps.find((s) => s.index === d.countdown?.step);
  input.onEvent({
    kind: 'countdown',
    runbook: d.plan.title,
    step: step?.name ?? '',
    seconds: Math.round(deps.settings.countdownMs / 1000),
  });
  input.skip(deps.settings.countdownMs);
  const ran = await runDueCountdown(deps, { runId: d.run.id });
  input.onEvent({ kind: 'ran', outcome: ran });
  const decided = (await deps.audit.query({ incidentId: auto.incidentId })).find(
    (r) => r.action === 'autonomy.decided',
  );
  input.onEvent({ kind: 'explained', record: decided });

  input.skip(3_600_000);
  await pauseAutonomy(deps, { user: input.approver, userGroups: [], scope: 'all', reason: 'demo: game day' });
  const held = at(input.incidents + 2);
  await recordShadowPlans(deps, held);
  const h = await decideAutonomousRun(deps, held);
  input.onEvent({ kind: 'paused', decision: h.outcome === 'none' ? undefined : h.decision });
  await resumeAutonomy(deps, { user: input.approver, userGroups: [], scope: undefined });
  return ran.outcome === 'ran' && ran.resolved && h.outcome === 'supervised';
}
