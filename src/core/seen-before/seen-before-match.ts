import type { PastCause } from './past-cause.ts';

/** A past incident like this one: how alike, what it was and what fixed it. */
export type SeenBeforeMatch = {
  readonly incidentId: string;
  readonly similarity: number;
  readonly title: string;
  /** When it was resolved (epoch ms). */
  readonly resolvedAt: number;
  /** Its root cause as the records tell it (`svc (kind)`), and whether people confirmed it. */
  readonly cause: string | undefined;
  readonly confirmed: boolean;
  /** The same cause as data, when it was kept (the ranking's feed reads it). */
  readonly rootCause?: PastCause;
  /** The runbook whose run succeeded, if one did. */
  readonly fixedBy: string | undefined;
  /** The features both share with the most weight (for "same new template in checkout"). */
  readonly shared: readonly string[];
};

/** The lowest similarity shown as "seen before" (set by the benchmark, BENCHMARKS.md). */
export const SEEN_BEFORE_MIN_SIMILARITY = 0.25;
