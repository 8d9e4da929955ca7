import type { CausewayError } from '../errors/causeway-error.ts';
import type { Alert } from '../model/alert.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { ChangeSource, LogSource, MetricSource, TraceSource } from '../ports.ts';
import type { Result } from '../result/result.ts';

/** Where a triage's data came from, kept with its result (a bundle can become an evaluation case). */
export type SourcesOrigin =
  | { readonly kind: 'live'; readonly name: string }
  | { readonly kind: 'bundle'; readonly id: string; readonly dir: string };

/** The sources opened for one triage. */
export type OpenedSources = {
  readonly logs?: LogSource;
  readonly traces?: TraceSource;
  readonly changes?: ChangeSource;
  readonly metrics?: MetricSource;
  /** Set when the data is a recording (a bundle): the triage runs at the recording's time, not now. */
  readonly asOf?: number;
  /** Set for a recording: the alerts it was recorded for (they replace the ones from chat). */
  readonly alerts?: readonly Alert[];
  readonly origin: SourcesOrigin;
  /** Adds links to the evidence (e.g. Kibana queries) once the triage is done. */
  readonly link?: (report: TriageReport) => TriageReport;
  close(): Promise<void>;
};

/**
 * Where the data comes from when an alert arrives in chat (or a person asks): the composition root
 * fills it from the configuration — Elasticsearch when configured, a bundle directory for the demo
 * and tests. `open` fails as a value (no source configured, bundle unreadable).
 */
export type TriageSources = {
  readonly name: string;
  open(alerts: readonly Alert[]): Promise<Result<OpenedSources, CausewayError>>;
};
