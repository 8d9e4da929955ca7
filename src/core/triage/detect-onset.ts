import type { SeriesSet } from '../model/series-set.ts';
import { dataCoverage, type SourceCoverage } from '../telemetry/data-coverage.ts';
import type { TriageWindows } from '../telemetry/triage-windows.ts';

export type OnsetOptions = {
  /** The onset is searched no earlier than this before `asOf`. */
  readonly maxIncidentMs: number;
  /** Used when no series shows a clear change: the incident window is this long. */
  readonly defaultIncidentMs: number;
  /** The baseline never reaches further back than this before the onset. */
  readonly maxBaselineMs: number;
  /** A change must have at least this much data before it. */
  readonly minBaselineMs: number;
  /** Minimum shift statistic for a series to vote. */
  readonly minShift: number;
};

export const DEFAULT_ONSET_OPTIONS: OnsetOptions = {
  maxIncidentMs: 30 * 60_000,
  defaultIncidentMs: 5 * 60_000,
  maxBaselineMs: 60 * 60_000,
  minBaselineMs: 60_000,
  minShift: 4,
};

type Curve = {
  readonly service: string;
  readonly metric: 'errors' | 'volume' | 'latency';
  readonly name: string;
  readonly t: Float64Array;
  readonly max: number;
  readonly weight: number;
};

/**
 * Finds when the incident started: the bucket boundary where the most series (errors, latency,
 * volume per service; the alerted service counts double) shift most significantly, by a
 * two-segment mean-shift statistic. Returns the baseline and incident windows around it.
 */
export function detectOnset(
  series: SeriesSet,
  asOf: number,
  horizon: number,
  alertService: string | undefined,
  options: OnsetOptions = DEFAULT_ONSET_OPTIONS,
): TriageWindows {
  const { start, bucketMs } = series;
  const coverage = dataCoverage(series);
  // The data horizon: the incident window ends where the newest data ends, never later (what has
  // not arrived yet is not silence).
  const dataEnd = lastCoveredBucket(coverage) + 1;
  const end = Math.min(series.buckets, Math.ceil((horizon - start) / bucketMs), dataEnd > 0 ? dataEnd : series.buckets);
  const first = firstDataBucket(series, end);
  // Buckets every source with data holds whole: only these vote on volume (a gap or a seam is no
  // shift). Errors and latency only vote upwards, and a partly held bucket cannot make them rise:
  // those take every bucket with data, so the newest few seconds before the data horizon count.
  const whole = wholeBuckets(coverage, series.buckets, 1);
  const held = wholeBuckets(coverage, series.buckets, 0.5);
  const kLo = Math.max(
    first + Math.ceil(options.minBaselineMs / bucketMs),
    Math.floor((asOf - options.maxIncidentMs - start) / bucketMs),
  );
  const kHi = Math.min(end - 1, Math.floor((asOf - start) / bucketMs));

  const curves: Curve[] = [];
  if (kHi > kLo) {
    for (const s of series.services.values()) {
      const w = s.service === alertService ? 2 : 1;
      const errors = s.requestErrors.map((v, i) => (held[i] ? v + (s.errorLogs[i] as number) : Number.NaN));
      const volume = s.requests.map((v, i) => (whole[i] ? v + (s.logs[i] as number) : Number.NaN));
      const latency = meanLatency(s.requests, s.latencySum, held);
      add(curves, s.service, 'errors', shiftCurve(errors, first, end, kLo, kHi, 0.5, 'up'), w);
      add(curves, s.service, 'volume', shiftCurve(volume, first, end, kLo, kHi, 0.5, 'both'), w * 0.5);
      if (latency) add(curves, s.service, 'latency', shiftCurve(latency, first, end, kLo, kHi, 0.01, 'up'), w);
    }
  }
  const voters = curves.filter((c) => c.max >= options.minShift);
  let onset: number;
  let reason: string;
  let shifts: TriageWindows['shifts'] = [];
  if (voters.length === 0) {
    // Keep a baseline to compare with when the data is short: at least minBaselineMs of it (half
    // the data when there is less than twice that).
    const dataFrom = start + first * bucketMs;
    const keep = Math.min(options.minBaselineMs, Math.max(0, asOf - dataFrom) / 2);
    // (+ one bucket: the guard between the baseline and the onset, below.)
    const earliest = dataFrom + (Math.ceil(keep / bucketMs) + 1) * bucketMs;
    onset = Math.min(asOf, Math.max(earliest, asOf - options.defaultIncidentMs));
    reason = `no series shifted clearly; the incident window is the ${Math.round((asOf - onset) / 60_000)} min before the alert`;
  } else {
    let bestK = kHi;
    let best = Number.NEGATIVE_INFINITY;
    for (let k = kLo; k <= kHi; k++) {
      let score = 0;
      for (const c of voters) score += (c.weight * Math.min(c.max, 20) * (c.t[k - kLo] as number)) / c.max;
      if (score > best) {
        best = score;
        bestK = k;
      }
    }
    onset = start + bestK * bucketMs;
    const top = voters
      .slice()
      .sort((a, b) => b.weight * (b.t[bestK - kLo] as number) - a.weight * (a.t[bestK - kLo] as number))
      .slice(0, 3)
      .map((c) => c.name);
    reason = `change point of ${voters.length} shifting series (strongest: ${top.join(', ')})`;
    shifts = voters
      .map((c) => ({ service: c.service, metric: c.metric, t: Math.round((c.t[bestK - kLo] as number) * 100) / 100 }))
      .filter((x) => x.t >= options.minShift)
      .sort((a, b) => b.t - a.t || (a.service < b.service ? -1 : 1));
  }
  const dataStart = start + first * bucketMs;
  const guard = bucketMs;
  const baselineTo = Math.max(dataStart, onset - guard);
  const baseline = { from: Math.max(dataStart, onset - options.maxBaselineMs), to: baselineTo };
  const incident = {
    from: onset,
    to: Math.max(onset, Math.min(horizon, dataEnd > 0 ? start + dataEnd * bucketMs : horizon)),
  };
  return {
    asOf,
    horizon,
    onset,
    baseline,
    incident,
    coverage: {
      baseline: windowCoverage(coverage, start, bucketMs, baseline),
      incident: windowCoverage(coverage, start, bucketMs, incident),
    },
    onsetReason: reason,
    shifts,
  };
}

function lastCoveredBucket(c: SourceCoverage): number {
  for (let b = c.traces.length - 1; b >= 0; b--) if ((c.traces[b] as number) > 0 || (c.logs[b] as number) > 0) return b;
  return -1;
}

/** Per bucket: every source that holds data somewhere holds at least `min` of this bucket. */
function wholeBuckets(c: SourceCoverage, n: number, min: number): Uint8Array {
  const has = (a: Float64Array) => a.some((v) => v > 0);
  const sources = [c.traces, c.logs].filter(has);
  const out = new Uint8Array(n);
  for (let b = 0; b < n; b++) out[b] = sources.every((a) => (a[b] as number) >= min) ? 1 : 0;
  return out;
}

/** Ms of a window each source holds data for. */
function windowCoverage(
  c: SourceCoverage,
  start: number,
  bucketMs: number,
  w: { readonly from: number; readonly to: number },
): { traces: number; logs: number } {
  let traces = 0;
  let logs = 0;
  const lo = Math.max(0, Math.floor((w.from - start) / bucketMs));
  const hi = Math.min(c.traces.length, Math.ceil((w.to - start) / bucketMs));
  for (let b = lo; b < hi; b++) {
    const b0 = start + b * bucketMs;
    const overlap = Math.max(0, Math.min(w.to, b0 + bucketMs) - Math.max(w.from, b0));
    traces += (c.traces[b] as number) * overlap;
    logs += (c.logs[b] as number) * overlap;
  }
  return { traces, logs };
}

function add(
  curves: Curve[],
  service: string,
  metric: Curve['metric'],
  t: Float64Array | undefined,
  weight: number,
): void {
  if (!t) return;
  let max = 0;
  for (const v of t) if (v > max) max = v;
  if (max > 0) curves.push({ service, metric, name: `${service} ${metric}`, t, max, weight });
}

function firstDataBucket(series: SeriesSet, end: number): number {
  for (let b = 0; b < end; b++) {
    for (const s of series.services.values()) if ((s.requests[b] as number) > 0 || (s.logs[b] as number) > 0) return b;
  }
  return 0;
}

/** log(1 + mean latency) per bucket; NaN where the bucket served no request or is not held whole (no data, not zero). */
function meanLatency(requests: readonly number[], sum: readonly number[], whole: Uint8Array): number[] | undefined {
  let any = false;
  const out = requests.map((n, i) => {
    if (n <= 0 || !whole[i]) return Number.NaN;
    any = true;
    return Math.log1p((sum[i] as number) / n);
  });
  return any ? out : undefined;
}

/**
 * For each candidate boundary k in [kLo, kHi], the two-sample t statistic of the mean of
 * x[k, end) against x[from, k) (pooled variance with a floor), as a positive "how clearly it
 * shifted" value: increases only for 'up', either direction for 'both'. NaN values are
 * missing data (buckets without requests) and are left out of both segments.
 */
function shiftCurve(
  x: readonly number[],
  from: number,
  end: number,
  kLo: number,
  kHi: number,
  varFloor: number,
  dir: 'up' | 'both',
): Float64Array | undefined {
  const n = end - from;
  if (n < 4) return undefined;
  const ps = new Float64Array(n + 1);
  const ps2 = new Float64Array(n + 1);
  const pc = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const v = x[from + i] as number;
    const has = !Number.isNaN(v);
    ps[i + 1] = (ps[i] as number) + (has ? v : 0);
    ps2[i + 1] = (ps2[i] as number) + (has ? v * v : 0);
    pc[i + 1] = (pc[i] as number) + (has ? 1 : 0);
  }
  const total = ps[n] as number;
  const total2 = ps2[n] as number;
  const count = pc[n] as number;
  if (count < 4) return undefined;
  const out = new Float64Array(kHi - kLo + 1);
  for (let k = kLo; k <= kHi; k++) {
    const n1 = pc[k - from] as number;
    const n2 = count - n1;
    if (n1 < 2 || n2 < 1) continue;
    const s1 = ps[k - from] as number;
    const s1sq = ps2[k - from] as number;
    const s2 = total - s1;
    const s2sq = total2 - s1sq;
    const m1 = s1 / n1;
    const m2 = s2 / n2;
    const ss = s1sq - n1 * m1 * m1 + (s2sq - n2 * m2 * m2);
    const df = Math.max(1, count - 2);
    const meanLevel = (Math.abs(m1) + Math.abs(m2)) / 2;
    const variance = Math.max(ss / df, varFloor, varFloor * meanLevel);
    const t = (m2 - m1) / Math.sqrt(variance * (1 / n1 + 1 / n2));
    out[k - kLo] = dir === 'up' ? Math.max(0, t) : Math.abs(t);
  }
  return out;
}
