import type { MetricSeries } from '../metrics/metric-series.ts';
import type { ChangeEvent } from '../model/change-event.ts';
import type { SourceStatus } from '../model/source-status.ts';
import type { EdgeWindowStats } from '../traces/edge-window-stats.ts';
import type { OperationWindows } from '../traces/operation-windows.ts';
import type { RequestEnds } from '../traces/request-ends.ts';
import type { ServiceWindowStats } from '../traces/service-window-stats.ts';
import type { LogPatternStats } from './log-pattern-stats.ts';
import type { TriageWindows } from './triage-windows.ts';

export type ServiceFeatures = {
  readonly service: string;
  /** `dependency`: seen only as the callee of client spans (a database, cache, queue, external API). */
  readonly role: 'service' | 'dependency';
  /** Whether it emits spans of its own (else it is seen only through its callers' client spans). */
  readonly traced: boolean;
  readonly baseline: ServiceWindowStats;
  readonly incident: ServiceWindowStats;
  /** Example trace ids of failing incident traces that started here. */
  readonly exampleTraceIds: readonly string[];
  /** What failed calls to it and its own failing spans said (error type, status message, exception), a few distinct ones. */
  readonly errorTexts: readonly string[];
};

export type EdgeFeatures = {
  readonly from: string;
  readonly to: string;
  readonly baseline: EdgeWindowStats;
  readonly incident: EdgeWindowStats;
};

/**
 * Everything the ranking reads, already reduced to per-window numbers. File connectors compute it
 * exactly from the records; Elasticsearch connectors from aggregations and a few sampled documents.
 */
export type TriageFeatures = {
  readonly windows: TriageWindows;
  readonly services: ReadonlyMap<string, ServiceFeatures>;
  readonly edges: readonly EdgeFeatures[];
  readonly patterns: readonly LogPatternStats[];
  readonly changes: readonly ChangeEvent[];
  /** Self time per (service, entry operation), when the traces were read whole. */
  readonly operations?: readonly OperationWindows[];
  /** Where each service's successful requests end, when the traces were read whole. */
  readonly requestEnds?: readonly RequestEnds[];
  /** Metric series of the services in play (bundle metrics.ndjson, Prometheus), when a metrics source is configured. */
  readonly metrics?: readonly MetricSeries[];
  readonly sources: {
    readonly logs: SourceStatus;
    readonly traces: SourceStatus;
    readonly changes: SourceStatus;
    readonly metrics?: SourceStatus;
  };
};
