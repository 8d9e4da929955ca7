import type { ChangeSource, LogSource, SeriesQuery, TraceSource } from '../../core/ports.ts';

/**
 * The read paths a follow-up question may use: the incident's own connector sources (the ones
 * the triage read, or new ones for the same range) and the grid they were read with. Only the
 * ports' read methods exist; there is nothing here that writes.
 */
export type FollowUpSources = {
  readonly logs?: LogSource;
  readonly traces?: TraceSource;
  readonly changes?: ChangeSource;
  readonly query: SeriesQuery;
  /** Each source call's own timeout (as in triage). */
  readonly sourceTimeoutMs: number;
};
