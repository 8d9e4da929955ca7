import type { TraceFields } from './trace-fields.ts';

/**
 * The two trace layouts Causeway reads: Elastic APM's ECS documents and OpenTelemetry-native
 * documents (as the Elasticsearch exporter's `otel` mapping mode writes them).
 */
export const TRACE_SCHEMAS: Readonly<Record<TraceFields['schema'], TraceFields>> = {
  'elastic-apm': {
    schema: 'elastic-apm',
    traceId: ['trace.id'],
    spanId: ['span.id', 'transaction.id'],
    parentId: ['parent.id'],
    service: ['service.name'],
    name: ['span.name', 'transaction.name'],
    kind: ['span.kind'],
    start: '@timestamp',
    duration: ['span.duration.us', 'transaction.duration.us'],
    durationUnit: 'us',
    status: 'event.outcome',
    errorValues: ['failure'],
    okValues: ['success'],
    httpStatus: ['http.response.status_code'],
    peer: ['service.target.name', 'span.destination.service.resource'],
    address: ['destination.address'],
    event: 'processor.event',
    errorText: ['error.type', 'error.message', 'error.exception.type', 'error.exception.message'],
    sequence: 'event.sequence',
  },
  otel: {
    schema: 'otel',
    traceId: ['trace_id'],
    spanId: ['span_id'],
    parentId: ['parent_span_id'],
    service: ['resource.attributes.service.name'],
    name: ['name'],
    kind: ['kind'],
    start: '@timestamp',
    duration: ['duration'],
    durationUnit: 'ns',
    status: 'status.code',
    errorValues: ['Error', 'ERROR', 'error', 'STATUS_CODE_ERROR'],
    okValues: ['Ok', 'OK', 'ok', 'STATUS_CODE_OK'],
    httpStatus: ['attributes.http.response.status_code', 'attributes.http.status_code'],
    peer: ['attributes.peer.service', 'attributes.server.address', 'attributes.net.peer.name'],
    address: ['attributes.server.address', 'attributes.net.peer.name'],
    event: '',
    errorText: [
      'attributes.error.type',
      'status.message',
      'attributes.otel.status_description',
      'attributes.error.message',
      'attributes.error',
      'events.exception.type',
      'events.exception.message',
    ],
    sequence: 'event.sequence',
  },
};
