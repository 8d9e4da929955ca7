/**
 * Splits `max` points between services in proportion to their (positive) amounts: the service
 * with all of the anomaly gets all the points, two equal ones half each. With `scale`, the
 * points are further weighed by how much evidence there is in all: 1 − e^(−total/scale), so
 * three odd lines do not weigh like three hundred. `unowned` is part of the whole that goes to no
 * one here (lines or errors that belong to other services): it keeps a relay from owning it all.
 */
export function sharePoints(
  amounts: ReadonlyMap<string, number>,
  max: number,
  scale?: number,
  unowned = 0,
): Map<string, { points: number; share: number }> {
  let total = Math.max(0, unowned);
  for (const v of amounts.values()) if (v > 0) total += v;
  const out = new Map<string, { points: number; share: number }>();
  if (total <= 0) return out;
  const weight = scale ? 1 - Math.exp(-total / scale) : 1;
  for (const [k, v] of amounts) if (v > 0) out.set(k, { points: (max * weight * v) / total, share: v / total });
  return out;
}
