export function formatPercent(fraction: number): string {
  const p = fraction * 100;
  return p >= 10 || p === 0 ? `${p.toFixed(0)}%` : `${p.toFixed(1)}%`;
}
