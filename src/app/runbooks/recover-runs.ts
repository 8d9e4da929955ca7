import { parseStepEffectId } from '../../core/runbooks/parse-step-effect-id.ts';
import { stepMove } from '../../core/runbooks/step-move.ts';
import type { Run } from '../../core/storage/run-store.ts';
import { recoverUnfinished } from '../storage/recover-unfinished.ts';
import { finishRun } from './finish-run.ts';
import type { RunbookDeps } from './runbook-deps.ts';

/**
 * At start-up, after a crash: every runbook step this instance (or, with `staleBefore`, anyone)
 * started and never finished is closed as `outcome-unknown` in the effect journal
 * (`step.outcome-unknown`), its step and run become `outcome-unknown`, and nothing is re-run.
 * Returns the affected runs with the step, to post to their incident threads.
 */
export async function recoverRuns(
  deps: Pick<RunbookDeps, 'runs' | 'audit' | 'effects' | 'now'>,
  input: { readonly owner: string; readonly staleBefore?: number },
): Promise<{ readonly run: Run; readonly step: number }[]> {
  const closed = await recoverUnfinished(deps, input);
  const out: { run: Run; step: number }[] = [];
  for (const e of closed) {
    const id = parseStepEffectId(e.id);
    if (!id) continue;
    // The effect began: the step is running, or still approved (pending) if the process died first.
    const lose = stepMove('lose');
    const moved = await deps.runs.transitionStep(id.runId, id.index, lose.from, { status: lose.to, at: deps.now() });
    const run = moved ?? (await deps.runs.get(id.runId));
    if (!run) continue;
    out.push({
      run: await finishRun(deps, run, 'outcome-unknown', 'system', `step ${id.index}: outcome unknown after a restart`),
      step: id.index,
    });
  }
  return out;
}
