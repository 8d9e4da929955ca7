import type { TimeWindow } from '../model/time-window.ts';
import type { MetricClass } from './classify-metric.ts';
import { counterRate } from './counter-rate.ts';
import type { MetricSeries } from './metric-series.ts';

/**
 * A series' finite samples in the baseline `[from, to)` and in the incident `[from, to]`, counters
 * read as per-second rates (a drop is a reset). NaN and infinite samples are gaps.
 */
export function windowSamples(
  s: MetricSeries,
  cls: MetricClass,
  baseline: TimeWindow,
  incident: TimeWindow,
): { readonly baseline: number[]; readonly incident: number[] } {
  const { times, values } = cls.counter ? counterRate(s.times, s.values) : { times: s.times, values: s.values };
  const b: number[] = [];
  const i: number[] = [];
  for (let k = 0; k < times.length; k++) {
    const t = times[k] as number;
    const v = values[k] as number;
    if (!Number.isFinite(v)) continue;
    if (t >= baseline.from && t < baseline.to) b.push(v);
    else if (t >= incident.from && t <= incident.to) i.push(v);
  }
  return { baseline: b, incident: i };
}
