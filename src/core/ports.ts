import type { MetricSeries } from './metrics/metric-series.ts';
import type { ChangeEvent } from './model/change-event.ts';
import type { TimeWindow } from './model/time-window.ts';
import type { LogSeries, LogWindowed } from './telemetry/create-log-accumulator.ts';
import type { SourceResult } from './telemetry/source-result.ts';
import type { TraceSeries, TraceWindowed } from './traces/create-trace-accumulator.ts';
import type { ErrorMarks } from './traces/error-marks.ts';

/** The time grid the series are asked for: buckets of `bucketMs` from `range.from`. */
export type SeriesQuery = { readonly range: TimeWindow; readonly bucketMs: number };

/** Logs, from files or Elasticsearch. Each call has its own timeout at the caller. */
export type LogSource = {
  readonly name: string;
  series(q: SeriesQuery, signal: AbortSignal): Promise<SourceResult<Map<string, LogSeries>>>;
  /** Error logs that carry trace ids (for spans that have no status). */
  errorMarks(q: SeriesQuery, signal: AbortSignal): Promise<SourceResult<ErrorMarks>>;
  windowed(
    baseline: TimeWindow,
    incident: TimeWindow,
    origins: ReadonlyMap<string, ReadonlyMap<string, number>>,
    signal: AbortSignal,
  ): Promise<SourceResult<LogWindowed>>;
};

/** Traces, from files (OTLP/JSON) or Elasticsearch (Elastic APM or OTel-native documents). */
export type TraceSource = {
  readonly name: string;
  series(q: SeriesQuery, marks: ErrorMarks, signal: AbortSignal): Promise<SourceResult<Map<string, TraceSeries>>>;
  windowed(baseline: TimeWindow, incident: TimeWindow, signal: AbortSignal): Promise<SourceResult<TraceWindowed>>;
};

/** Metric series (bundle metrics.ndjson; Prometheus and its kin over the HTTP API). */
export type MetricSource = {
  readonly name: string;
  /** The series of the services in play over the range (no sample after `range.to`). */
  range(range: TimeWindow, signal: AbortSignal): Promise<SourceResult<MetricSeries[]>>;
};

/** Deploys, config changes and the like. */
export type ChangeSource = {
  readonly name: string;
  list(range: TimeWindow, signal: AbortSignal): Promise<SourceResult<ChangeEvent[]>>;
};
