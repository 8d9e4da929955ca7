import type { Alert } from './model/alert.ts';
import type { ChangeSource, LogSource, MetricSource, TraceSource } from './ports.ts';

/** One incident ready to triage: its alerts, the triage time and the sources to read (a bundle, or live systems). */
export type IncidentCase = {
  readonly id: string;
  readonly alerts: readonly Alert[];
  /** The triage time: the earliest startsAt among firing alerts. */
  readonly asOf: number;
  readonly logs: LogSource;
  readonly traces: TraceSource;
  readonly changes: ChangeSource;
  readonly metrics?: MetricSource;
};
