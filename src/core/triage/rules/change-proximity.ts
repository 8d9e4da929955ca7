import type { ChangeEvent } from '../../model/change-event.ts';

/**
 * How plausibly a change's timing fits an incident that started at `onset`: 1 for a change in
 * progress at the onset or finished just before it, decaying with the gap before the onset,
 * and small for a change that started well after the onset (more likely a reaction to it).
 */
export function changeProximity(c: ChangeEvent, onset: number, decayMs: number): number {
  // A change with no finish is still rolling out: in progress at any onset after its start.
  const done = c.finishedAt ?? Number.POSITIVE_INFINITY;
  if (c.startedAt > onset + 2 * 60_000) return 0.1;
  if (done >= onset - 60_000) return 1;
  return Math.exp(-(onset - 60_000 - done) / decayMs);
}
