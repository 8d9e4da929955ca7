import type { MetricSeries } from '../../core/metrics/metric-series.ts';
import { MAX_POINTS_PER_SERIES } from './fit-step.ts';

/**
 * Keeps the samples within budget: a series longer than 11,000 samples is thinned evenly (every
 * k-th sample, the last one kept); once `budget` samples are read in all, the remaining series
 * are left out. Says what it did, if anything.
 */
export function applyPointsBudget(
  series: readonly MetricSeries[],
  budget: number,
): { readonly series: MetricSeries[]; readonly notes: string[] } {
  const out: MetricSeries[] = [];
  let thinned = 0;
  let dropped = 0;
  let total = 0;
  for (const s of series) {
    let kept = s;
    if (s.times.length > MAX_POINTS_PER_SERIES) {
      const k = Math.ceil(s.times.length / MAX_POINTS_PER_SERIES);
      const last = s.times.length - 1;
      const idx = [...Array(s.times.length).keys()].filter((i) => (last - i) % k === 0);
      kept = { ...s, times: idx.map((i) => s.times[i] as number), values: idx.map((i) => s.values[i] as number) };
      thinned++;
    }
    if (total + kept.times.length > budget) {
      dropped++;
      continue;
    }
    total += kept.times.length;
    out.push(kept);
  }
  const notes: string[] = [];
  if (thinned > 0) notes.push(`${thinned} series thinned to ${MAX_POINTS_PER_SERIES} samples`);
  if (dropped > 0) notes.push(`${dropped} series left out past ${budget} samples (prometheus.pointsBudget)`);
  return { series: out, notes };
}
