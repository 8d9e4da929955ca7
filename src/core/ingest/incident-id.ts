/**
 * The one shape of incident ids: `INC-<UTC date YYYYMMDD>-<random hex>` (the caller draws the
 * randomness: 8 hex characters, 4 random bytes, keep ids from colliding across replicas).
 */
export function incidentId(at: number, randomHex: string): string {
  return `INC-${new Date(at).toISOString().slice(0, 10).replace(/-/g, '')}-${randomHex}`;
}
