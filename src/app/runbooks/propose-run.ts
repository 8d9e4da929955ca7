import type { AuditActor } from '../../core/audit/audit-actor.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import { runPlanCodec } from '../../core/formats/run-plan-codec.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { Result } from '../../core/result/result.ts';
import { hypothesisForRunbook } from '../../core/runbooks/hypothesis-for-runbook.ts';
import { planRunbook } from '../../core/runbooks/plan-runbook.ts';
import type { RunPlan } from '../../core/runbooks/run-plan.ts';
import { runStepsOf } from '../../core/runbooks/run-steps-of.ts';
import type { Run } from '../../core/storage/run-store.ts';
import type { RunbookDeps } from './runbook-deps.ts';

export type ProposeRunInput = {
  readonly runbookId: string;
  readonly incidentId: string;
  /** Parameters given by a person (`key=value` of `/causeway run`); others come from `from:` or defaults. */
  readonly params?: Readonly<Record<string, string>>;
  /** The triage: the hypothesis the runbook fits fills `hypothesis.*` parameters. */
  readonly report?: TriageReport;
  /** Defaults to the report's first alert. */
  readonly alert?: Alert;
  /** The hypothesis to act on (else the one the runbook matches, else the leading one). */
  readonly hypothesisId?: string;
  readonly proposedBy: AuditActor;
};

/**
 * What proposing came to: the stored run and its plan; a failure; or, for an advisory runbook, the
 * failure `RUNBOOK_ADVISORY` (nothing can run) carrying its plan as it would run (`advisory`), to
 * be shown and explained. A caller that needs a run treats every `ok: false` alike.
 */
export type ProposeRunResult =
  | Result<{ readonly run: Run; readonly plan: RunPlan }, CausewayError>
  | { readonly ok: false; readonly error: CausewayError; readonly advisory: { readonly plan: RunPlan } };

/**
 * Proposes a runbook for an incident: resolves its parameters, renders every step exactly as it
 * would run, stores the run with its plan (steps `pending`) and audits `runbook.proposed` with
 * every rendered step and its hash. Nothing runs. An advisory runbook is never stored as a run
 * (`RUNBOOK_ADVISORY`): its plan is only returned, to be shown (the `advisory` variant).
 */
export async function proposeRun(
  deps: Pick<RunbookDeps, 'runs' | 'audit' | 'catalog' | 'executors' | 'now' | 'newId'>,
  input: ProposeRunInput,
): Promise<ProposeRunResult> {
  const runbook = deps.catalog.get(input.runbookId);
  if (!runbook)
    return {
      ok: false,
      error: {
        code: 'RUNBOOK_NOT_FOUND',
        message: `no runbook "${input.runbookId}" (known: ${[...deps.catalog.keys()].join(', ') || 'none'})`,
      },
    };
  const report = input.report;
  const alert = input.alert ?? report?.alerts[0];
  const hypothesis = hypothesisForRunbook(runbook, report, alert, input.hypothesisId);
  const planned = planRunbook(runbook, input.params ?? {}, { alert, hypothesis }, deps.executors.definitions);
  if (runbook.autonomy === 'advisory') {
    const error: CausewayError = {
      code: 'RUNBOOK_ADVISORY',
      message: `${runbook.id} is advisory: its plan can be shown (causeway runbooks plan), not run`,
    };
    return planned.ok ? { ok: false, error, advisory: { plan: planned.value } } : { ok: false, error };
  }
  if (!planned.ok) return planned;
  const plan = planned.value;
  const at = deps.now();
  const run = await deps.runs.create({
    id: deps.newId(),
    incidentId: input.incidentId,
    runbook: runbook.id,
    proposedBy: input.proposedBy,
    at,
    steps: runStepsOf(plan),
    plan: runPlanCodec.encode({ plan, hypothesisId: hypothesis?.id }),
  });
  await deps.audit.append({
    actor: input.proposedBy,
    action: 'runbook.proposed',
    subject: `run:${run.id}`,
    data: {
      incidentId: input.incidentId,
      runId: run.id,
      runbook: runbook.id,
      ...(hypothesis ? { hypothesisId: hypothesis.id } : {}),
      params: plan.params,
      paramSources: plan.paramSources,
      steps: plan.steps.map((s) => ({
        step: s.index,
        id: s.id,
        role: s.role,
        uses: s.uses,
        risk: s.risk,
        approval: s.approval ? { min: s.approval.min, from: [...s.approval.from] } : 'none',
        stepHash: s.hash,
        rendered: s.display.join('\n'),
      })),
    },
  });
  return { ok: true, value: { run, plan } };
}
