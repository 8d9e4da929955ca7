import { type CountdownName, countdownName } from '../../core/chat/countdown-name.ts';
import type { Countdown } from '../../core/storage/autonomy-store.ts';
import type { RunStore } from '../../core/storage/run-store.ts';
import { loadRun } from '../runbooks/load-run.ts';

/**
 * The name a countdown's announcement was posted with (`countdownName` of its run's plan), for
 * the ticks, Stop and Undo that edit it; the runbook id when the run cannot be read.
 */
export async function loadCountdownName(
  runs: Pick<RunStore, 'get'>,
  c: Pick<Countdown, 'runId' | 'step' | 'runbook'>,
): Promise<CountdownName> {
  const loaded = await loadRun(runs, c.runId);
  return loaded.ok
    ? countdownName(loaded.value.plan, c.step)
    : { title: c.runbook, why: `${c.runbook}, earned in shadow mode` };
}
