import { counterIncrements } from './counter-increments.ts';
import { counterRate } from './counter-rate.ts';
import { labelKey } from './label-key.ts';
import type { MetricSeries } from './metric-series.ts';

/** The quantile read from histograms (p90: what a slow service's users feel, less noisy than p99). */
const Q = 0.9;
/**
 * Below this many observations in an interval its quantile is a gap: the 90th percentile of a
 * handful of requests jumps between bucket bounds from one interval to the next, and a quiet
 * service's noise would read as a slowdown.
 */
const MIN_OBSERVATIONS = 10;

/**
 * Prometheus histograms (`<name>_bucket` series with an `le` label, cumulative counters) turned
 * into one `<name>_p90` series per label set, the way `histogram_quantile(0.9, rate(…))` reads
 * them: per sample interval, the rate of each bucket, then linear interpolation inside the bucket
 * that holds the 90th percentile (the +Inf bucket answers its lower bound). An interval with
 * fewer than MIN_OBSERVATIONS observations is a gap (NaN). Other series are returned unchanged;
 * the bucket series themselves are replaced by their quantile.
 */
export function withHistogramQuantiles(series: readonly MetricSeries[]): MetricSeries[] {
  const out: MetricSeries[] = [];
  const groups = new Map<string, { base: MetricSeries; buckets: { le: number; s: MetricSeries }[] }>();
  for (const s of series) {
    const le = s.labels.le;
    if (!s.name.endsWith('_bucket') || le === undefined) {
      out.push(s);
      continue;
    }
    const bound = le === '+Inf' || le === 'Inf' ? Number.POSITIVE_INFINITY : Number(le);
    if (Number.isNaN(bound)) {
      out.push(s);
      continue;
    }
    const { le: _, ...rest } = s.labels;
    const key = labelKey(s.name, rest);
    const g = groups.get(key) ?? { base: { ...s, labels: rest }, buckets: [] };
    g.buckets.push({ le: bound, s });
    groups.set(key, g);
  }
  for (const { base, buckets } of groups.values()) {
    const q = quantileSeries(buckets);
    if (q) out.push({ ...base, name: `${base.name.slice(0, -'_bucket'.length)}_p90`, ...q });
  }
  return out;
}

function quantileSeries(buckets: { le: number; s: MetricSeries }[]): { times: number[]; values: number[] } | undefined {
  buckets.sort((a, b) => a.le - b.le);
  if (buckets.length < 2 || buckets[buckets.length - 1]?.le !== Number.POSITIVE_INFINITY) return undefined;
  const rates = buckets.map(({ s }) => {
    const r = counterRate(s.times, s.values);
    return new Map(r.times.map((t, k) => [t, r.values[k] as number]));
  });
  // The observations in each interval: the +Inf bucket's increase over it.
  const inf = (buckets[buckets.length - 1] as { s: MetricSeries }).s;
  const d = counterIncrements(inf.times, inf.values);
  const observations = new Map(d.times.map((t, k) => [t, d.increments[k] as number]));
  const times = [...(rates[rates.length - 1]?.keys() ?? [])];
  const values = times.map((t) => {
    const c = rates.map((m) => m.get(t));
    const total = c[c.length - 1];
    const observed = observations.get(t) ?? 0;
    if (total === undefined || !(observed >= MIN_OBSERVATIONS) || c.some((x) => x === undefined)) return Number.NaN;
    const rank = Q * total;
    let prevCount = 0;
    let prevLe = 0;
    for (let k = 0; k < c.length; k++) {
      const count = c[k] as number;
      const le = (buckets[k] as { le: number }).le;
      if (count >= rank) {
        if (le === Number.POSITIVE_INFINITY) return prevLe;
        if (count === prevCount) return le;
        return prevLe + ((le - prevLe) * (rank - prevCount)) / (count - prevCount);
      }
      prevCount = count;
      prevLe = le;
    }
    return prevLe;
  });
  return { times, values };
}
