import { LATENCY_BOUNDS, type MetricStore } from '../engine/metric-store.ts';

export type Signal = 'errors' | 'latency';

/**
 * A PromQL-like signal of one service over a sliding window: the 5xx ratio, or a latency
 * quantile in seconds estimated from histogram buckets like `histogram_quantile`.
 * Returns undefined when the window holds too few requests.
 */
export function createSignal(
  store: MetricStore,
  service: string,
  signal: Signal,
  windowMs: number,
  quantile: number,
): (t: number) => number | undefined {
  const series = store.series(service);
  const n = series.length;
  const count = new Float64Array(n + 1);
  const errors = new Float64Array(n + 1);
  const hist = LATENCY_BOUNDS.map(() => new Float64Array(n + 1));
  for (let k = 0; k < n; k++) {
    const b = series[k];
    count[k + 1] = (count[k] ?? 0) + (b?.count ?? 0);
    errors[k + 1] = (errors[k] ?? 0) + (b?.errors ?? 0);
    for (let i = 0; i < hist.length; i++) {
      const h = hist[i] as Float64Array;
      h[k + 1] = (h[k] ?? 0) + (b?.hist[i] ?? 0);
    }
  }
  const steps = Math.max(1, Math.round(windowMs / store.stepMs));
  return (t) => {
    const hi = Math.min(n, Math.floor((t - store.start) / store.stepMs));
    const lo = Math.max(0, hi - steps);
    if (hi <= 0) return undefined;
    const c = (count[hi] ?? 0) - (count[lo] ?? 0);
    if (c < 10) return undefined;
    if (signal === 'errors') return ((errors[hi] ?? 0) - (errors[lo] ?? 0)) / c;
    const target = quantile * c;
    let cum = 0;
    for (let i = 0; i < hist.length; i++) {
      const h = hist[i] as Float64Array;
      const inBucket = (h[hi] ?? 0) - (h[lo] ?? 0);
      if (cum + inBucket >= target) {
        const upper = LATENCY_BOUNDS[i] ?? 10_000;
        const lower = i === 0 ? 0 : (LATENCY_BOUNDS[i - 1] ?? 0);
        if (!Number.isFinite(upper)) return lower / 1000;
        const frac = inBucket > 0 ? (target - cum) / inBucket : 1;
        return (lower + (upper - lower) * frac) / 1000;
      }
      cum += inBucket;
    }
    return 10;
  };
}
