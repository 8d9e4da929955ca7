import type { TimeWindow } from '../model/time-window.ts';
import type { MetricSeries } from './metric-series.ts';

/**
 * What a counter counted in the baseline `[from, to)` and the incident `[from, to]`: the sum of its
 * increases (a drop is a reset) stamped at the later sample, and the time those increases span.
 */
export function counterWindowCounts(
  s: MetricSeries,
  baseline: TimeWindow,
  incident: TimeWindow,
): { readonly baseline: number; readonly baselineMs: number; readonly incident: number; readonly incidentMs: number } {
  const out = { baseline: 0, baselineMs: 0, incident: 0, incidentMs: 0 };
  for (let k = 1; k < s.times.length; k++) {
    const t = s.times[k] as number;
    const dt = t - (s.times[k - 1] as number);
    const a = s.values[k - 1] as number;
    const c = s.values[k] as number;
    if (!(dt > 0) || !Number.isFinite(a) || !Number.isFinite(c)) continue;
    const n = c >= a ? c - a : c;
    if (t >= baseline.from && t < baseline.to) {
      out.baseline += n;
      out.baselineMs += dt;
    } else if (t >= incident.from && t <= incident.to) {
      out.incident += n;
      out.incidentMs += dt;
    }
  }
  return out;
}
