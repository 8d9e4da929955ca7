/**
 * Splits services into groups small enough that one aggregation over a group stays under
 * Elasticsearch's bucket limit (`search.max_buckets`, 65 536 by default).
 */
export function serviceGroups(services: readonly string[], bucketsPerService: number, limit = 50_000): string[][] {
  const size = Math.max(1, Math.floor(limit / Math.max(1, bucketsPerService)));
  const out: string[][] = [];
  for (let i = 0; i < services.length; i += size) out.push(services.slice(i, i + size));
  return out;
}
