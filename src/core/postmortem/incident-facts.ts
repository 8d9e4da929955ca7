import type { AuditRecord } from '../audit/audit-record.ts';
import type { Feedback } from '../storage/feedback-store.ts';
import type { Incident, IncidentAlert, TriageResult } from '../storage/incident-store.ts';
import type { Run } from '../storage/run-store.ts';

/** What the audit chain says about the records shown: all verified, or verified up to a break. */
export type ChainStatus =
  | { readonly intact: true; readonly verifiedThrough: number }
  | { readonly intact: false; readonly verifiedThrough: number; readonly problem: string };

/**
 * Everything stored about one incident, read once (`loadIncidentFacts`): the timeline, the report,
 * the page and the fingerprint are pure functions of it. `audit` holds only the records the chain
 * vouches for (up to a break, if any), in chain order.
 */
export type IncidentFacts = {
  readonly incident: Incident;
  readonly alerts: readonly IncidentAlert[];
  /** The latest triage (the hypotheses as they stand); how they changed is in `audit`. */
  readonly triage: TriageResult | undefined;
  readonly runs: readonly Run[];
  readonly feedback: readonly Feedback[];
  readonly audit: readonly AuditRecord[];
  readonly chain: ChainStatus;
};
