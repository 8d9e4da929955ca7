import type { CausewayError } from '../../core/errors/causeway-error.ts';
import { runPlanCodec } from '../../core/formats/run-plan-codec.ts';
import type { Result } from '../../core/result/result.ts';
import type { RunPlan } from '../../core/runbooks/run-plan.ts';
import type { Run } from '../../core/storage/run-store.ts';

/** A stored run with its decoded plan: what a use-case loads once and passes down. */
export type LoadedRun = { readonly run: Run; readonly plan: RunPlan };

/** The run's stored plan, decoded; `RUN_NOT_FOUND` (naming the bad field) when it cannot be read. */
export function decodeRun(run: Run): Result<LoadedRun, CausewayError> {
  const stored = runPlanCodec.decode(run.plan);
  if (!stored.ok)
    return {
      ok: false,
      error: {
        code: 'RUN_NOT_FOUND',
        message: `runbook run ${run.id} has no readable plan (${stored.error.field}: ${stored.error.message})`,
      },
    };
  return { ok: true, value: { run, plan: stored.value.plan } };
}
