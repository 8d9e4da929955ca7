import type { TimeWindow } from '../telemetry/time-window.ts';
import { classifyMetric, type MetricClass } from './classify-metric.ts';
import type { MetricSeries } from './metric-series.ts';

/** How far one series moved in its bad direction in the incident window, against its baseline. */
export type MetricShift = MetricClass & {
  readonly series: MetricSeries;
  readonly baselineMedian: number;
  /** The incident value furthest in the bad direction. */
  readonly incidentPeak: number;
  /** That distance in robust units of the baseline's spread (≥ 0; capped). */
  readonly z: number;
  readonly baselinePoints: number;
  readonly incidentPoints: number;
};

const MIN_BASELINE_POINTS = 3;
const MAX_Z = 1000;
/** A flat baseline still has a spread: this share of its level… */
const RELATIVE_FLOOR = 0.05;
/** …and a series flat at zero this share of the largest value it takes. */
const ZERO_FLOOR = 0.1;
/** The samples just before the onset a shift must also stand out from. */
const RECENT_POINTS = 2;

/**
 * Scores one series: its incident samples against the median and the median absolute deviation
 * of its baseline samples (statistics that hold for a handful of points: a 1-minute step gives
 * 2–5 points in an incident window). Counters are read as per-second rates (a drop is a reset).
 * NaN and infinite samples are gaps. Undefined when either window has too few samples.
 */
export function metricShift(s: MetricSeries, baseline: TimeWindow, incident: TimeWindow): MetricShift | undefined {
  const cls = classifyMetric(s.name);
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
  if (b.length < MIN_BASELINE_POINTS || i.length === 0) return undefined;
  const median = medianOf(b);
  const mad = 1.4826 * medianOf(b.map((v) => Math.abs(v - median)));
  let maxAbs = 0;
  for (const v of [...b, ...i]) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = Math.max(mad, RELATIVE_FLOOR * Math.abs(median), median === 0 ? ZERO_FLOOR * maxAbs : 0, 1e-12);
  const up = Math.max(...i);
  const down = Math.min(...i);
  // A level the series already held just before the onset is not the incident's doing (an older
  // step, a seam in the recording): the shift is measured against the last few baseline samples
  // too, and the smaller of the two counts.
  const recent = b.slice(-RECENT_POINTS);
  const dev =
    cls.bad === 'up'
      ? Math.min(up - median, up - Math.max(...recent))
      : cls.bad === 'down'
        ? Math.min(median - down, Math.min(...recent) - down)
        : Math.max(
            Math.min(up - median, up - Math.max(...recent)),
            Math.min(median - down, Math.min(...recent) - down),
          );
  const peak = cls.bad === 'down' || (cls.bad === 'both' && median - down > up - median) ? down : up;
  return {
    ...cls,
    series: s,
    baselineMedian: median,
    incidentPeak: peak,
    z: Math.min(MAX_Z, Math.max(0, dev / scale)),
    baselinePoints: b.length,
    incidentPoints: i.length,
  };
}

function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Per-second rate of a counter between consecutive samples (stamped at the later one); a drop is a reset. */
function counterRate(times: readonly number[], values: readonly number[]): { times: number[]; values: number[] } {
  const t: number[] = [];
  const v: number[] = [];
  for (let k = 1; k < times.length; k++) {
    const dt = ((times[k] as number) - (times[k - 1] as number)) / 1000;
    const a = values[k - 1] as number;
    const c = values[k] as number;
    if (!(dt > 0) || !Number.isFinite(a) || !Number.isFinite(c)) continue;
    t.push(times[k] as number);
    v.push((c >= a ? c - a : c) / dt);
  }
  return { times: t, values: v };
}
