import type { IngestTelemetry } from '../../core/ingest/ingest-telemetry.ts';
import type { ChangeSource, LogSource, MetricSource, TraceSource } from '../../core/ports.ts';
import type { TriageSources } from '../../core/sources/triage-sources.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';

/**
 * Wraps the triage sources so that every connector query is a span
 * (`causeway.connector.query`, attributes: kind, source name, method, result state) under the
 * triage's span, and every failed query counts in `causeway_connector_errors_total`.
 */
export function tracedTriageSources(inner: TriageSources, t: IngestTelemetry): TriageSources {
  const wrap = <R>(kind: string, name: string, method: string, run: () => Promise<SourceResult<R>>) =>
    t.span(
      'causeway.connector.query',
      { 'causeway.source.kind': kind, 'causeway.source.name': name, 'causeway.source.method': method },
      async () => {
        const r = await run();
        if (r.state === 'failed') t.connectorError(kind);
        return r;
      },
    );
  const logs = (s: LogSource): LogSource => ({
    name: s.name,
    series: (q, sig) => wrap('logs', s.name, 'series', () => s.series(q, sig)),
    errorMarks: (q, sig) => wrap('logs', s.name, 'errorMarks', () => s.errorMarks(q, sig)),
    windowed: (b, i, o, sig) => wrap('logs', s.name, 'windowed', () => s.windowed(b, i, o, sig)),
  });
  const traces = (s: TraceSource): TraceSource => ({
    name: s.name,
    series: (q, m, sig) => wrap('traces', s.name, 'series', () => s.series(q, m, sig)),
    windowed: (b, i, sig) => wrap('traces', s.name, 'windowed', () => s.windowed(b, i, sig)),
  });
  const changes = (s: ChangeSource): ChangeSource => ({
    name: s.name,
    list: (r, sig) => wrap('changes', s.name, 'list', () => s.list(r, sig)),
  });
  const metrics = (s: MetricSource): MetricSource => ({
    name: s.name,
    range: (r, sig) => wrap('metrics', s.name, 'range', () => s.range(r, sig)),
  });
  return {
    name: inner.name,
    async open(alerts) {
      const r = await t.span('causeway.sources.open', { 'causeway.sources': inner.name }, () => inner.open(alerts));
      if (!r.ok) return r;
      const o = r.value;
      return {
        ok: true,
        value: {
          ...o,
          ...(o.logs ? { logs: logs(o.logs) } : {}),
          ...(o.traces ? { traces: traces(o.traces) } : {}),
          ...(o.changes ? { changes: changes(o.changes) } : {}),
          ...(o.metrics ? { metrics: metrics(o.metrics) } : {}),
        },
      };
    },
  };
}
