/**
 * P(X ≥ k) for X ~ BetaBinomial(n, α, β): how many of n new samples exceed a threshold that was
 * itself drawn from the data. For the r-th smallest of m baseline samples as the threshold,
 * α = m − r + 1 and β = r, whatever the distribution: the exact chance of k or more exceeding it.
 */
export function betaBinomialTail(k: number, n: number, alpha: number, beta: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  // p(0) = Π (β + i) / (α + β + i); p(j + 1) = p(j) · (n − j)/(j + 1) · (α + j)/(β + n − j − 1).
  let p = 1;
  for (let i = 0; i < n; i++) p *= (beta + i) / (alpha + beta + i);
  let cdf = 0;
  for (let j = 0; j < k; j++) {
    cdf += p;
    p *= ((n - j) / (j + 1)) * ((alpha + j) / (beta + n - j - 1));
  }
  return Math.min(1, Math.max(0, 1 - cdf));
}
