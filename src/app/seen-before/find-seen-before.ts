import type { TriageReport } from '../../core/model/triage-report.ts';
import { fingerprintReport } from '../../core/seen-before/fingerprint-report.ts';
import { probeFeatures } from '../../core/seen-before/probe-features.ts';
import { rankSeenBefore } from '../../core/seen-before/rank-seen-before.ts';
import { SEEN_BEFORE_MIN_SIMILARITY, type SeenBeforeMatch } from '../../core/seen-before/seen-before-match.ts';
import type { SeenBeforeStore } from '../../core/storage/seen-before-store.ts';

/** Past incidents read per look-up: those sharing the most feature weight (the inverted index). */
const CANDIDATES = 50;

/**
 * Past resolved incidents like this triage's: the candidates sharing features with it (by the
 * inverted index, never a scan of the history), ranked by weighted Jaccard similarity, those at or
 * above the threshold, best first (at most `limit`). Shown to people; `applySeenBefore` feeds their
 * confirmed causes to the ranking.
 */
export async function findSeenBefore(
  deps: { readonly seenBefore: SeenBeforeStore },
  report: TriageReport,
  o: { readonly incidentId: string; readonly limit?: number; readonly min?: number },
): Promise<SeenBeforeMatch[]> {
  const fp = fingerprintReport(report);
  if (fp.features.length === 0) return [];
  const candidates = await deps.seenBefore.candidates(probeFeatures(fp), {
    limit: CANDIDATES,
    excludeId: o.incidentId,
  });
  return rankSeenBefore(
    fp,
    candidates.map((c) => ({ fingerprint: c.fingerprint, about: c })),
    { min: o.min ?? SEEN_BEFORE_MIN_SIMILARITY, limit: o.limit ?? 3 },
  ).map(({ about, similarity, shared }) => ({
    incidentId: about.incidentId,
    similarity,
    title: about.summary.title,
    resolvedAt: about.resolvedAt,
    cause: about.summary.cause,
    confirmed: about.summary.confirmed,
    fixedBy: about.summary.fixedBy,
    ...(about.summary.rootCause ? { rootCause: about.summary.rootCause } : {}),
    shared,
  }));
}
