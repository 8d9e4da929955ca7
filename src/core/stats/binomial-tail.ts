/** P(X ≥ k) for X ~ Binomial(n, p): how surprising k or more hits are. */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let term = (1 - p) ** n; // P(X = 0)
  let cdf = 0;
  for (let i = 0; i < k; i++) {
    cdf += term;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return Math.max(0, 1 - cdf);
}
