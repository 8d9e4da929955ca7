/**
 * The 1-based position of `service` in the ranking, counting each service once in order of
 * first appearance; null when it is absent (the bundle spec's definition).
 */
export function rankOf(services: readonly string[], service: string): number | null {
  const seen: string[] = [];
  for (const s of services) {
    if (seen.includes(s)) continue;
    seen.push(s);
    if (s === service) return seen.length;
  }
  return null;
}
