import type { Alert } from './alert.ts';
import type { ChangeEvent } from './change-event.ts';
import type { Hypothesis } from './hypothesis.ts';
import type { MovedSeries } from './moved-series.ts';
import type { SeriesSet } from './series-set.ts';
import type { SourceStatus } from './source-status.ts';

/** The outcome of one triage: what was looked at, over which windows, and the ranked hypotheses. */
export type TriageReport = {
  readonly asOf: number;
  readonly alerts: readonly Alert[];
  readonly windows: {
    readonly baseline: { readonly from: number; readonly to: number };
    readonly incident: { readonly from: number; readonly to: number };
    readonly onset: number;
    readonly onsetReason: string;
  };
  readonly sources: {
    readonly logs: SourceStatus;
    readonly traces: SourceStatus;
    readonly changes: SourceStatus;
    /** Present when a metrics source was configured. */
    readonly metrics?: SourceStatus;
  };
  readonly hypotheses: readonly Hypothesis[];
  readonly confidence: 'high' | 'medium' | 'low' | 'none';
  readonly summary: string;
  /**
   * Optional, for pictures (the chat's timeline chart): the per-service series the triage read
   * (requests, errors, latency, logs per bucket) and the change events in its range. Not part of
   * the JSON report.
   */
  readonly series?: SeriesSet;
  readonly changes?: readonly ChangeEvent[];
  /** Optional, for pictures: the metric series behind the leading hypotheses' metric evidence. Not part of the JSON report. */
  readonly moved?: readonly MovedSeries[];
};
