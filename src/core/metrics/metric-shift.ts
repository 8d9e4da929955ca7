import type { TimeWindow } from '../model/time-window.ts';
import { median as medianOf } from '../stats/median.ts';
import { poissonTail } from '../stats/poisson-tail.ts';
import type { MetricClass } from './classify-metric.ts';
import { classifySeries } from './classify-series.ts';
import { counterWindowCounts } from './counter-window-counts.ts';
import type { MetricSeries } from './metric-series.ts';
import { windowSamples } from './window-samples.ts';

/** How far one series moved in its bad direction in the incident window, against its baseline. */
export type MetricShift = MetricClass & {
  readonly series: MetricSeries;
  readonly baselineMedian: number;
  /** The incident value furthest in the bad direction. */
  readonly incidentPeak: number;
  /** That distance in robust units of the baseline's spread (≥ 0; capped). */
  readonly z: number;
  /**
   * How large the move is, whatever the noise: log2 of the ratio of the incident value to the
   * baseline level in the bad direction (for availability, of the unavailable share), 0–EFFECT_CAP.
   * Along a call path a slowdown adds the same seconds to every caller, so the ratio is largest
   * where it started; a failing callee's error share is diluted in its callers'.
   */
  readonly effect: number;
  readonly baselinePoints: number;
  readonly incidentPoints: number;
};

const MAX_Z = 1000;
/** log2 of a 64-fold change: beyond it a move is just large. */
const EFFECT_CAP = 6;
/** A flat baseline still has a spread: this share of its level… */
const RELATIVE_FLOOR = 0.05;
/** …and a series flat at zero this share of the largest value it takes. */
const ZERO_FLOOR = 0.1;
/** How unlikely an error counter's incident count must be under its baseline rate to be a shift. */
const MAX_COUNT_P = 0.01;
/** The samples just before the onset a shift must also stand out from. */
const RECENT_POINTS = 2;

/**
 * Scores one series: its incident samples against the median and the median absolute deviation
 * of its baseline samples (statistics that hold for a handful of points: a 1-minute step gives
 * 2–5 points in an incident window). Counters are read as per-second rates (a drop is a reset).
 * NaN and infinite samples are gaps. Undefined when either window has too few samples.
 */
export function metricShift(
  s: MetricSeries,
  baseline: TimeWindow,
  incident: TimeWindow,
  minBaselinePoints = 3,
): MetricShift | undefined {
  const cls = classifySeries(s);
  const { baseline: b, incident: i } = windowSamples(s, cls, baseline, incident);
  if (b.length < minBaselinePoints || i.length === 0) return undefined;
  if (cls.counter && cls.signal === 'errors' && !unlikelyCount(s, baseline, incident)) return undefined;
  if (cls.signal !== 'availability') return score(cls, s, b, i, cls.bad, (v) => v, 0);
  // Availability is scored as its complement, the unavailable share (a percentage when it goes
  // above 1, else a ratio): a flat 100% has no spread of its own, and a drop to 97% is a rise of
  // the error share from 0 to 3, not 3% of its level.
  const top = Math.max(...b, ...i) > 1 ? 100 : 1;
  return score(
    cls,
    s,
    b.map((v) => top - v),
    i.map((v) => top - v),
    'up',
    (u) => top - u,
    // Half a percent unavailable is where a ratio of error shares starts to mean something.
    0.005 * top,
  );
}

/**
 * An error counter's incident count is a shift only when the baseline's rate makes it unlikely
 * (Poisson, one pseudo-count for a quiet baseline): a rate's robust z cannot tell, since a single
 * error after a quiet baseline is an infinite jump of its rate.
 */
function unlikelyCount(s: MetricSeries, baseline: TimeWindow, incident: TimeWindow): boolean {
  const c = counterWindowCounts(s, baseline, incident);
  if (c.baselineMs <= 0 || c.incidentMs <= 0) return true;
  const expected = ((c.baseline + 1) * c.incidentMs) / c.baselineMs;
  return poissonTail(Math.round(c.incident), expected) <= MAX_COUNT_P;
}

/**
 * Scores baseline samples `b` against incident samples `i`; `back` maps levels to the series'
 * units; `effectFloor` is added to both sides of the effect's ratio (default: 1% of the largest value).
 */
function score(
  cls: MetricClass,
  s: MetricSeries,
  b: readonly number[],
  i: readonly number[],
  bad: MetricClass['bad'],
  back: (v: number) => number,
  effectFloor: number,
): MetricShift {
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
    bad === 'up'
      ? Math.min(up - median, up - Math.max(...recent))
      : bad === 'down'
        ? Math.min(median - down, Math.min(...recent) - down)
        : Math.max(
            Math.min(up - median, up - Math.max(...recent)),
            Math.min(median - down, Math.min(...recent) - down),
          );
  const wentDown = bad === 'down' || (bad === 'both' && median - down > up - median);
  const peak = wentDown ? down : up;
  // The reference level is the nearer of the median and the recent samples, as for `dev`.
  const ref = wentDown ? Math.min(median, Math.min(...recent)) : Math.max(median, Math.max(...recent));
  return {
    ...cls,
    series: s,
    baselineMedian: back(median),
    incidentPeak: back(peak),
    z: Math.min(MAX_Z, Math.max(0, dev / scale)),
    effect: dev > 0 ? effectSize(wentDown, ref, peak, effectFloor || 0.01 * maxAbs) : 0,
    baselinePoints: b.length,
    incidentPoints: i.length,
  };
}

/** log2 of the ratio of the peak to the reference in the bad direction (see `MetricShift.effect`). */
function effectSize(wentDown: boolean, ref: number, peak: number, floorAt: number): number {
  const floor = Math.max(floorAt, 1e-12);
  const a = Math.abs(peak) + floor;
  const b = Math.abs(ref) + floor;
  return Math.min(EFFECT_CAP, Math.max(0, Math.log2(wentDown ? b / a : a / b)));
}
