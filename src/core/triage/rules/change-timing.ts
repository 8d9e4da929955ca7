import type { ChangeEvent } from '../../model/change-event.ts';

/**
 * When a change happened relative to the onset, in words that match its state: a rollout still
 * going at the onset (no finish, or a finish after the onset) was in progress; one that began
 * after the onset started then; only one that ended before (or at) the onset finished.
 */
export function changeTiming(c: ChangeEvent, onset: number): string {
  const min = (ms: number) => Math.round(ms / 60_000);
  if (c.startedAt > onset) return `started ${min(c.startedAt - onset)} min after the onset`;
  const began = min(onset - c.startedAt);
  const since = began <= 0 ? 'started at the onset' : `started ${began} min before it`;
  if (c.finishedAt === undefined) return `was still in progress at the onset (${since})`;
  if (c.finishedAt > onset) {
    const after = min(c.finishedAt - onset);
    return after <= 0
      ? 'finished at the onset'
      : `was in progress at the onset (${since}, finished ${after} min after it)`;
  }
  const before = min(onset - c.finishedAt);
  return before <= 0 ? 'finished at the onset' : `finished ${before} min before the onset`;
}
