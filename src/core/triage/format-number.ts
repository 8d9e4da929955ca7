/** Short human numbers for reasons: 3, 42, 1.5k, 0.25, 12.3. */
export function formatNumber(n: number): string {
  const a = Math.abs(n);
  if (a >= 10_000) return `${(n / 1000).toFixed(0)}k`;
  if (a >= 1000) return `${(n / 1000).toFixed(1)}k`;
  if (a >= 100 || Number.isInteger(n)) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  return n.toFixed(2);
}
