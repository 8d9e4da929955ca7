import type { Distribution } from './distribution.ts';

/** n, mean and nearest-rank percentiles of a sample (sorts a copy). */
export function summarize(values: readonly number[]): Distribution {
  const n = values.length;
  if (n === 0) return { n: 0, mean: 0, p50: 0, p90: 0, p99: 0 };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const at = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))] as number;
  return { n, mean: sum / n, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}
