import { isoNanos } from './iso-nanos.ts';
import type { SeedSpan } from './seed-span.ts';

const STATUS = { error: 'Error', ok: 'Ok', unset: 'Unset' } as const;

/**
 * One span as an OpenTelemetry-native document (the Elasticsearch exporter's `otel` mapping
 * mode): `trace_id`, `span_id`, `kind` (`Server` …), `duration` in nanoseconds, `status.code`,
 * `resource.attributes.*` and `attributes.*` as in OTLP; `@timestamp` keeps the nanoseconds.
 */
export function otelSpanDoc(s: SeedSpan): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    '@timestamp': isoNanos(s.startNs),
    'event.sequence': s.seq,
    trace_id: s.traceId,
    span_id: s.spanId,
    name: s.name,
    kind: s.kind[0]?.toUpperCase() + s.kind.slice(1),
    duration: Number(s.endNs - s.startNs),
    status: { code: STATUS[s.status], ...(s.statusMessage ? { message: s.statusMessage } : {}) },
    resource: { attributes: s.resource },
    attributes: s.attributes,
    scope: {
      ...(s.scope.name ? { name: s.scope.name } : {}),
      ...(s.scope.version ? { version: s.scope.version } : {}),
    },
  };
  if (s.parentSpanId) doc.parent_span_id = s.parentSpanId;
  if (s.exception) {
    const a: Record<string, string> = {};
    if (s.exception.type) a['exception.type'] = s.exception.type;
    if (s.exception.message) a['exception.message'] = s.exception.message;
    doc.events = [{ name: 'exception', attributes: a }];
  }
  return doc;
}
