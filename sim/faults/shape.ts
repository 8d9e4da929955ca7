import type { Shape } from '../model/world-model.ts';

/** An effect window from `from` (ramping over `rampMs`) that lasts until the end of the scenario unless `to` is given. */
export function shape(from: number, rampMs = 0, to = Number.POSITIVE_INFINITY): Shape {
  return { from, to, rampMs };
}
