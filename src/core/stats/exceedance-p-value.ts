import { binomialTail } from './binomial-tail.ts';

/**
 * How likely by chance `over90` of `n` incident samples exceed the baseline's p90 and `over99`
 * its p99 (the baseline's maximum when it has up to 100 samples): the smaller of the two
 * binomial tails. The p99 count catches a few long stalls that few p90 crossings would miss.
 */
export function exceedancePValue(over90: number, over99: number, n: number, baselineN: number): number {
  // A small baseline's p90 and p99 are its top samples: exceeded by chance 1 time in n + 1.
  const top = 1 / (baselineN + 1);
  return Math.min(binomialTail(over90, n, Math.max(0.1, top)), binomialTail(over99, n, Math.max(0.01, top)));
}
