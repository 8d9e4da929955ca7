import { betaBinomialTail } from './beta-binomial-tail.ts';

/**
 * How likely by chance `over90` of `n` incident samples exceed the baseline's p90 and `over99`
 * its p99 (the baseline's maximum when it has up to 100 samples), from the two binomial tails.
 * The p99 count catches a few long stalls that few p90 crossings would miss.
 */
export function exceedancePValue(over90: number, over99: number, n: number, baselineN: number): number {
  // The p90 and p99 are nearest-rank order statistics of the baseline: how many incident samples
  // exceed one by chance is beta-binomial (exact, for any distribution). Two tests: the smaller
  // p-value is doubled (Bonferroni).
  if (baselineN <= 0) return 1;
  const tail = (over: number, q: number) => {
    const r = Math.min(baselineN, Math.max(1, Math.ceil(q * baselineN)));
    return betaBinomialTail(over, n, baselineN - r + 1, r);
  };
  return Math.min(1, 2 * Math.min(tail(over90, 0.9), tail(over99, 0.99)));
}
