import type { Distribution } from '../../core/stats/distribution.ts';

/**
 * Distributions of strata sampled at different rates, each with its weight (true items per
 * sampled item): exact weighted count and mean; percentiles as the weighted mean of the strata's
 * percentiles (an approximation, used only above the read caps).
 */
export function mergeDistributions(parts: readonly { d: Distribution; w: number }[]): Distribution {
  const live = parts.filter((p) => p.d.n > 0 && p.w > 0);
  if (live.length === 0) return { n: 0, mean: 0, p50: 0, p90: 0, p99: 0 };
  let n = 0;
  let mean = 0;
  let p50 = 0;
  let p90 = 0;
  let p99 = 0;
  for (const { d, w } of live) {
    const k = d.n * w;
    n += k;
    mean += k * d.mean;
    p50 += k * d.p50;
    p90 += k * d.p90;
    p99 += k * d.p99;
  }
  return { n, mean: mean / n, p50: p50 / n, p90: p90 / n, p99: p99 / n };
}
