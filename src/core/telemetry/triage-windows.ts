import type { TimeWindow } from '../model/time-window.ts';

/**
 * The two windows every comparison uses. `asOf` is the triage time (earliest firing alert);
 * `horizon` = asOf + grace is the last instant any data may come from.
 */
export type TriageWindows = {
  readonly asOf: number;
  readonly horizon: number;
  readonly onset: number;
  readonly baseline: TimeWindow;
  readonly incident: TimeWindow;
  /**
   * How many ms of each window each source holds data for (recording gaps and what lies past the
   * source's data horizon left out). Absent: the whole window.
   */
  readonly coverage?: {
    readonly baseline: { readonly traces: number; readonly logs: number };
    readonly incident: { readonly traces: number; readonly logs: number };
  };
  /** How the onset was found, for the report. */
  readonly onsetReason: string;
  /** The series that shifted clearly at the onset, by how much (a two-sample t statistic). */
  readonly shifts: readonly {
    readonly service: string;
    readonly metric: 'errors' | 'volume' | 'latency';
    readonly t: number;
  }[];
};
