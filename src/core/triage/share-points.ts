/**
 * Splits `max` points between services in proportion to their (positive) amounts: the service
 * with all of the anomaly gets all the points, two equal ones half each.
 */
export function sharePoints(
  amounts: ReadonlyMap<string, number>,
  max: number,
): Map<string, { points: number; share: number }> {
  let total = 0;
  for (const v of amounts.values()) if (v > 0) total += v;
  const out = new Map<string, { points: number; share: number }>();
  if (total <= 0) return out;
  for (const [k, v] of amounts) if (v > 0) out.set(k, { points: (max * v) / total, share: v / total });
  return out;
}
