import type { TimeWindow } from '../model/time-window.ts';

export function windowMs(w: TimeWindow): number {
  return Math.max(0, w.to - w.from);
}
