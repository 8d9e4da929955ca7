import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import type { RenderedStep } from '../../core/runbooks/rendered-step.ts';
import type { RunStep, RunStore } from '../../core/storage/run-store.ts';
import { decodeRun, type LoadedRun } from './decode-run.ts';

/**
 * A run with its plan and, when asked, one of its steps (stored and rendered); `RUN_NOT_FOUND`
 * otherwise. Reads the store only when `loaded` (what the caller already holds) is not this run.
 */
export async function loadRun(
  runs: Pick<RunStore, 'get'>,
  runId: string,
  index?: number,
  loaded?: LoadedRun,
): Promise<Result<LoadedRun & { readonly step?: RunStep; readonly rendered?: RenderedStep }, CausewayError>> {
  let value = loaded?.run.id === runId ? loaded : undefined;
  if (!value) {
    const run = await runs.get(runId);
    if (!run) return { ok: false, error: { code: 'RUN_NOT_FOUND', message: `no runbook run ${runId}` } };
    const decoded = decodeRun(run);
    if (!decoded.ok) return decoded;
    value = decoded.value;
  }
  if (index === undefined) return { ok: true, value };
  const step = value.run.steps[index];
  const rendered = value.plan.steps[index];
  if (!step || !rendered)
    return { ok: false, error: { code: 'RUN_NOT_FOUND', message: `run ${runId} has no step ${index}` } };
  return { ok: true, value: { ...value, step, rendered } };
}
