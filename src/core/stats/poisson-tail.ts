/**
 * P(X ≥ k) for X ~ Poisson(λ): how surprising k or more events are where λ were expected. Terms
 * are taken in log space (λ in the thousands does not underflow); above the mean the tail is
 * summed directly (no cancellation), below it as one minus the lower sum. Linear in k.
 */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (!(lambda > 0)) return 0;
  const logLambda = Math.log(lambda);
  // log P(X = i) = −λ + i·log λ − log i!
  let logFact = 0;
  for (let i = 2; i <= k; i++) logFact += Math.log(i);
  const logAt = (i: number, lf: number) => -lambda + i * logLambda - lf;
  if (k > lambda) {
    let lf = logFact;
    let sum = 0;
    for (let i = k; ; i++) {
      if (i > k) lf += Math.log(i);
      const term = Math.exp(logAt(i, lf));
      sum += term;
      if (term <= sum * 1e-16 || term === 0) break;
    }
    return Math.min(1, sum);
  }
  let lf = 0;
  let lower = 0;
  for (let i = 0; i < k; i++) {
    if (i > 1) lf += Math.log(i);
    lower += Math.exp(logAt(i, lf));
  }
  return Math.max(0, 1 - lower);
}
