import type { CausewayError } from '../../core/errors/causeway-error.ts';
import { runPlanCodec } from '../../core/formats/run-plan-codec.ts';
import type { Result } from '../../core/result/result.ts';
import type { RenderedStep } from '../../core/runbooks/rendered-step.ts';
import type { RunPlan } from '../../core/runbooks/run-plan.ts';
import type { Run, RunStep, RunStore } from '../../core/storage/run-store.ts';

/** A run with its plan and, when asked, one of its steps (stored and rendered); `RUN_NOT_FOUND` otherwise. */
export async function loadRun(
  runs: RunStore,
  runId: string,
  index?: number,
): Promise<
  Result<
    { readonly run: Run; readonly plan: RunPlan; readonly step?: RunStep; readonly rendered?: RenderedStep },
    CausewayError
  >
> {
  const run = await runs.get(runId);
  if (!run) return { ok: false, error: { code: 'RUN_NOT_FOUND', message: `no runbook run ${runId}` } };
  const stored = runPlanCodec.decode(run.plan);
  if (!stored.ok)
    return {
      ok: false,
      error: {
        code: 'RUN_NOT_FOUND',
        message: `runbook run ${runId} has no readable plan (${stored.error.field}: ${stored.error.message})`,
      },
    };
  const { plan } = stored.value;
  if (index === undefined) return { ok: true, value: { run, plan } };
  const step = run.steps[index];
  const rendered = plan.steps[index];
  if (!step || !rendered)
    return { ok: false, error: { code: 'RUN_NOT_FOUND', message: `run ${runId} has no step ${index}` } };
  return { ok: true, value: { run, plan, step, rendered } };
}
