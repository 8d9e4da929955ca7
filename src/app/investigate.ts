import { withFailedRequests } from '../core/metrics/failed-requests.ts';
import { withHistogramQuantiles } from '../core/metrics/histogram-quantiles.ts';
import type { MetricSeries } from '../core/metrics/metric-series.ts';
import { movedSeriesOf } from '../core/metrics/moved-series-of.ts';
import type { Alert } from '../core/model/alert.ts';
import type { ChangeEvent } from '../core/model/change-event.ts';
import type { SourceStatus } from '../core/model/source-status.ts';
import type { TriageReport } from '../core/model/triage-report.ts';
import type { ChangeSource, LogSource, MetricSource, SeriesQuery, TraceSource } from '../core/ports.ts';
import type { LogWindowed } from '../core/telemetry/create-log-accumulator.ts';
import { mergeSeries } from '../core/telemetry/merge-series.ts';
import type { SourceResult } from '../core/telemetry/source-result.ts';
import type { TraceWindowed } from '../core/traces/create-trace-accumulator.ts';
import type { ErrorMarks } from '../core/traces/error-marks.ts';
import { aliasDependencies } from '../core/triage/alias-dependencies.ts';
import { assembleFeatures } from '../core/triage/assemble-features.ts';
import { assessConfidence } from '../core/triage/assess-confidence.ts';
import { calibrate } from '../core/triage/calibrate.ts';
import { detectOnset } from '../core/triage/detect-onset.ts';
import { rankHypotheses } from '../core/triage/rank-hypotheses.ts';
import type { Ranker } from '../core/triage/ranker.ts';
import { summarizeTriage } from '../core/triage/summarize-triage.ts';
import type { InvestigateOptions } from './investigate-options.ts';
import { withTimeout } from './with-timeout.ts';

export type InvestigateDeps = {
  readonly logs?: LogSource;
  readonly traces?: TraceSource;
  readonly changes?: ChangeSource;
  readonly metrics?: MetricSource;
  readonly options: InvestigateOptions;
  /** The ranking to use (the engine unless a baseline is being measured). */
  readonly rank?: Ranker;
  /** Told as each source settles (the chat surface shows it as progress). */
  readonly onProgress?: (source: 'logs' | 'traces' | 'changes', status: SourceStatus) => void;
};

/**
 * Triage of one incident: a function of (alerts, as-of, sources). Reads each source within its
 * own timeout, finds the onset, compares incident with baseline, ranks the hypotheses. A source
 * that fails or times out leaves a named gap; the triage still completes with the others.
 */
export async function investigate(
  deps: InvestigateDeps,
  alerts: readonly Alert[],
  asOf: number,
): Promise<TriageReport> {
  const { options } = deps;
  const horizon = asOf + options.graceMs;
  const from = asOf - options.lookbackMs;
  const buckets = Math.ceil((horizon - from) / options.bucketMs);
  const query: SeriesQuery = { range: { from, to: from + buckets * options.bucketMs }, bucketMs: options.bucketMs };
  const ms = options.sourceTimeoutMs;
  const alertService = alerts.find((a) => a.status === 'firing' && a.service)?.service;

  const logs = deps.logs;
  const traces = deps.traces;
  const changesSource = deps.changes;
  const metricsSource = deps.metrics;
  const [logSeries, marks, changes, metrics] = await Promise.all([
    logs ? withTimeout(`logs (${logs.name})`, ms, (s) => logs.series(query, s)) : absent<never>('logs'),
    logs ? withTimeout(`logs (${logs.name})`, ms, (s) => logs.errorMarks(query, s)) : absent<ErrorMarks>('logs'),
    changesSource
      ? withTimeout(`changes (${changesSource.name})`, ms, (s) =>
          changesSource.list({ from: from - options.rank.changeLookbackMs, to: horizon }, s),
        )
      : absent<ChangeEvent[]>('changes'),
    metricsSource
      ? withTimeout(`metrics (${metricsSource.name})`, ms, (s) => metricsSource.range({ from, to: horizon }, s))
      : absent<MetricSeries[]>('metrics'),
  ]);
  deps.onProgress?.('changes', status(changes));
  const traceSeries = traces
    ? await withTimeout(`traces (${traces.name})`, ms, (s) =>
        traces.series(query, marks.state === 'ok' ? marks.value : new Map(), s),
      )
    : await absent<never>('traces');

  const series = mergeSeries(
    query.range.from,
    options.bucketMs,
    buckets,
    traceSeries.state === 'ok' ? traceSeries.value : undefined,
    logSeries.state === 'ok' ? logSeries.value : undefined,
  );
  const windows = detectOnset(series, asOf, horizon, alertService, options.onset);

  let traceWindowed: SourceResult<TraceWindowed> = traceSeries.state === 'ok' ? { state: 'no-data' } : traceSeries;
  if (traces && traceSeries.state === 'ok') {
    traceWindowed = await withTimeout(`traces (${traces.name})`, ms, (s) =>
      traces.windowed(windows.baseline, windows.incident, s),
    );
  }
  deps.onProgress?.('traces', status(traceWindowed));
  // Dependencies named by the address of a service known from logs or changes are that service.
  const alias = aliasDependencies(traceWindowed.state === 'ok' ? traceWindowed.value : undefined, [
    ...(logSeries.state === 'ok' ? logSeries.value.keys() : []),
    ...(changes.state === 'ok' ? changes.value.map((c) => c.service) : []),
  ]);
  const origins = canonicalOrigins(traceWindowed.state === 'ok' ? traceWindowed.value.origins : new Map(), alias);
  let logWindowed: SourceResult<LogWindowed> = logSeries.state === 'ok' ? { state: 'no-data' } : logSeries;
  if (logs && logSeries.state === 'ok') {
    logWindowed = await withTimeout(`logs (${logs.name})`, ms, (s) =>
      logs.windowed(windows.baseline, windows.incident, origins, s),
    );
  }
  deps.onProgress?.('logs', status(logWindowed));

  const assembled = assembleFeatures(
    windows,
    traceWindowed.state === 'ok' ? traceWindowed.value : undefined,
    logWindowed.state === 'ok' ? logWindowed.value : undefined,
    changes.state === 'ok' ? changes.value : [],
    { logs: status(logWindowed), traces: status(traceWindowed), changes: status(changes) },
    alias,
  );
  // Metrics are read only when a metrics source is configured: without one the triage is as before.
  const features = metricsSource
    ? {
        ...assembled,
        // Histograms are read as their p90 (what the rules compare), once for every rule.
        ...(metrics.state === 'ok' ? { metrics: withFailedRequests(withHistogramQuantiles(metrics.value)) } : {}),
        sources: { ...assembled.sources, metrics: status(metrics) },
      }
    : assembled;
  const hypotheses = calibrate((deps.rank ?? rankHypotheses)(features, alerts, options.rank));
  const moved = features.metrics ? movedSeriesOf(hypotheses, features.metrics, { from, to: horizon }) : [];
  const confidence = assessConfidence(hypotheses);
  return {
    asOf,
    alerts,
    windows: {
      baseline: windows.baseline,
      incident: windows.incident,
      onset: windows.onset,
      onsetReason: windows.onsetReason,
    },
    sources: features.sources,
    hypotheses,
    confidence,
    summary: summarizeTriage(hypotheses, confidence),
    series,
    changes: changes.state === 'ok' ? changes.value : [],
    ...(moved.length > 0 ? { moved } : {}),
  };
}

function canonicalOrigins(
  origins: ReadonlyMap<string, ReadonlyMap<string, number>>,
  alias: ReadonlyMap<string, string>,
): ReadonlyMap<string, ReadonlyMap<string, number>> {
  if (alias.size === 0) return origins;
  const out = new Map<string, Map<string, number>>();
  for (const [trace, o] of origins) {
    const m = new Map<string, number>();
    for (const [svc, w] of o) {
      const to = alias.get(svc) ?? svc;
      m.set(to, (m.get(to) ?? 0) + w);
    }
    out.set(trace, m);
  }
  return out;
}

function absent<T>(what: string): Promise<SourceResult<T>> {
  return Promise.resolve({ state: 'no-data', detail: `no ${what} source configured` });
}

function status(r: SourceResult<unknown>): SourceStatus {
  if (r.state === 'ok') return r.detail ? { state: 'ok', detail: r.detail } : { state: 'ok' };
  if (r.state === 'no-data') return r.detail ? { state: 'no-data', detail: r.detail } : { state: 'no-data' };
  return { state: 'failed', code: r.code, detail: r.detail };
}
