/** Attribute values a span carries. */
export type SpanAttributes = Readonly<Record<string, string | number | boolean>>;

/**
 * What ingestion and triage report about themselves: Prometheus counters and histograms, and
 * OpenTelemetry spans (the adapters in src/adapters/observability implement it; tests use the
 * no-op). Calls never throw.
 */
export type IngestTelemetry = {
  alertsReceived(source: string, outcome: 'accepted' | 'rejected' | 'ignored' | 'failed', count: number): void;
  changesReceived(source: string, outcome: 'accepted' | 'rejected' | 'ignored' | 'failed', count: number): void;
  incidentOpened(): void;
  incidentResolved(): void;
  investigation(outcome: 'succeeded' | 'failed' | 'skipped', seconds: number): void;
  connectorError(source: string): void;
  /** Runs `fn` inside a span (a child of the active one); records an exception and error status when it throws. */
  span<T>(name: string, attributes: SpanAttributes, fn: () => Promise<T>): Promise<T>;
  /** The same for synchronous work (ranking). */
  spanSync<T>(name: string, attributes: SpanAttributes, fn: () => T): T;
};

/** Telemetry that records nothing (unit tests, one-shot commands). */
export const NO_TELEMETRY: IngestTelemetry = {
  alertsReceived: () => {},
  changesReceived: () => {},
  incidentOpened: () => {},
  incidentResolved: () => {},
  investigation: () => {},
  connectorError: () => {},
  span: (_n, _a, fn) => fn(),
  spanSync: (_n, _a, fn) => fn(),
};
