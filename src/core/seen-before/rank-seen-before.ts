import type { IncidentFingerprint } from './incident-fingerprint.ts';
import { weightedJaccard } from './weighted-jaccard.ts';

export type FingerprintCandidate<T> = { readonly fingerprint: IncidentFingerprint; readonly about: T };

/**
 * The candidates ranked by weighted Jaccard similarity to `query`, best first (ties: the given
 * order, i.e. the most recent first), those at or above `min` only, at most `limit`; each with
 * the shared features, heaviest first.
 */
export function rankSeenBefore<T>(
  query: IncidentFingerprint,
  candidates: readonly FingerprintCandidate<T>[],
  o: { readonly min: number; readonly limit: number },
): { readonly about: T; readonly similarity: number; readonly shared: readonly string[] }[] {
  const mine = new Map(query.features);
  return candidates
    .map((c, i) => ({ c, i, similarity: weightedJaccard(query, c.fingerprint) }))
    .filter((x) => x.similarity >= o.min)
    .sort((a, b) => b.similarity - a.similarity || a.i - b.i)
    .slice(0, o.limit)
    .map(({ c, similarity }) => ({
      about: c.about,
      similarity,
      shared: c.fingerprint.features
        .filter(([f]) => mine.has(f))
        .sort((a, b) => b[1] - a[1])
        .map(([f]) => f),
    }));
}
