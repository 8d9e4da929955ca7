import type { IncidentFingerprint } from '../seen-before/incident-fingerprint.ts';
import type { PastCause } from '../seen-before/past-cause.ts';

/** What is kept about a resolved incident for "seen before" (shown with a match). */
export type SeenBeforeSummary = {
  readonly title: string;
  readonly service: string | undefined;
  readonly cause: string | undefined;
  readonly confirmed: boolean;
  readonly fixedBy: string | undefined;
  /** The cause as data (for the ranking's feed); absent on incidents kept before it was stored. */
  readonly rootCause?: PastCause;
};

export type SeenBeforeEntry = {
  readonly incidentId: string;
  readonly resolvedAt: number;
  readonly fingerprint: IncidentFingerprint;
  readonly summary: SeenBeforeSummary;
};

/**
 * Fingerprints of resolved incidents, with an inverted index (feature → incidents). `candidates`
 * reads only incidents sharing at least one of the features, the `limit` with the most shared
 * weight (most recent first on ties), each with its whole fingerprint.
 */
export type SeenBeforeStore = {
  /** Inserts or replaces an incident's fingerprint (idempotent). */
  put(entry: SeenBeforeEntry): Promise<void>;
  candidates(
    features: readonly string[],
    o: { readonly limit: number; readonly excludeId?: string },
  ): Promise<SeenBeforeEntry[]>;
};
