import type { TimeWindow } from '../model/time-window.ts';
import { counterIncrements } from './counter-increments.ts';
import type { MetricSeries } from './metric-series.ts';

/**
 * What a counter counted in the baseline `[from, to)` and the incident `[from, to]`: the sum of its
 * increases (see counterIncrements) stamped in each, and the time those increases span.
 */
export function counterWindowCounts(
  s: MetricSeries,
  baseline: TimeWindow,
  incident: TimeWindow,
): { readonly baseline: number; readonly baselineMs: number; readonly incident: number; readonly incidentMs: number } {
  const out = { baseline: 0, baselineMs: 0, incident: 0, incidentMs: 0 };
  const d = counterIncrements(s.times, s.values);
  d.times.forEach((t, k) => {
    const n = d.increments[k] as number;
    const ms = (d.seconds[k] as number) * 1000;
    if (t >= baseline.from && t < baseline.to) {
      out.baseline += n;
      out.baselineMs += ms;
    } else if (t >= incident.from && t <= incident.to) {
      out.incident += n;
      out.incidentMs += ms;
    }
  });
  return out;
}
