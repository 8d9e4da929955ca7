import { errorTagText } from '../../core/formats/error-tag-text.ts';
import { getDotted } from '../../core/formats/get-dotted.ts';
import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import { spanIdKey, traceIdKey } from '../../core/formats/span-ids.ts';
import { spanStatus } from '../../core/formats/span-status.ts';
import type { SpanKind, SpanRecord } from '../../core/model/span-record.ts';
import { addNanos, splitTime, toMs } from './split-time.ts';
import type { TraceFields } from './trace-fields.ts';

const KINDS: Readonly<Record<string, SpanKind>> = {
  unspecified: 'unspecified',
  internal: 'internal',
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
};
const KIND_NUMBERS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

/**
 * One span document's `_source` (Elastic APM or OTel-native, per `f`) → a SpanRecord equal to what
 * the OTLP file reader makes of the same span: times exact to the nanosecond, status, HTTP status,
 * and the peer of an exit span. Undefined when ids, service or times are missing.
 */
export function esSpanRecord(doc: Record<string, unknown>, f: TraceFields): SpanRecord | undefined {
  const traceId = traceIdKey(first(doc, f.traceId));
  const spanId = spanIdKey(first(doc, f.spanId));
  const rawService = first(doc, f.service);
  if (!traceId || !spanId || typeof rawService !== 'string' || rawService === '') return undefined;
  const start = splitTime(getDotted(doc, f.start));
  const duration = num(first(doc, f.duration));
  if (!start || duration === undefined) return undefined;
  const ns = Math.round(duration * (f.durationUnit === 'us' ? 1000 : 1));
  const kind = spanKind(first(doc, f.kind)) ?? fallbackKind(doc, f);
  const own = statusOf(getDotted(doc, f.status), f);
  // OTel-native documents keep span attributes as they came: a status converted spans keep there counts.
  const status =
    own === 'unset' && f.schema === 'otel'
      ? spanStatus(undefined, (k) => getDotted(doc, `attributes.${k}`), kind)
      : own;
  const peer = str(first(doc, f.peer));
  const exit = kind === 'client' || kind === 'producer' || kind === 'unspecified';
  const parent = spanIdKey(first(doc, f.parentId));
  const httpStatus = toInt(first(doc, f.httpStatus));
  return {
    traceId,
    spanId,
    parentSpanId: parent,
    service: serviceFromPodName(rawService),
    name: str(first(doc, f.name)) ?? '',
    kind,
    start: toMs(start),
    end: toMs(addNanos(start, ns)),
    status,
    httpStatus,
    peer: exit ? peer : undefined,
    address: exit ? str(first(doc, f.address)) : undefined,
    errorText: status === 'unset' && !(httpStatus !== undefined && httpStatus >= 400) ? undefined : errorText(doc, f),
  };
}

/** The error type, status message and exception, joined and clipped as the OTLP reader does. */
function errorText(doc: Record<string, unknown>, f: TraceFields): string | undefined {
  const parts: string[] = [];
  for (const field of f.errorText) {
    const v = field.startsWith('events.') ? exceptionField(doc, field.slice(7)) : getDotted(doc, field);
    // (An `error` tag of true / false is a status, not a text.)
    const text = field === 'attributes.error' ? errorTagText(v) : typeof v === 'string' && v !== '' ? v : undefined;
    if (text && !parts.includes(text)) parts.push(text);
  }
  const text = parts.join(' ');
  return text === '' ? undefined : text.slice(0, 300);
}

/** `exception.type` / `exception.message` of the first `exception` event in an `events` array. */
function exceptionField(doc: Record<string, unknown>, key: string): unknown {
  const events = doc.events;
  if (!Array.isArray(events)) return undefined;
  const ex = events.find((e) => e && typeof e === 'object' && (e as Record<string, unknown>).name === 'exception');
  const attrs = ex ? (ex as Record<string, unknown>).attributes : undefined;
  return attrs && typeof attrs === 'object' ? getDotted(attrs as Record<string, unknown>, key) : undefined;
}

function first(doc: Record<string, unknown>, fields: readonly string[]): unknown {
  for (const name of fields) {
    const v = getDotted(doc, name);
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

function spanKind(v: unknown): SpanKind | undefined {
  if (typeof v === 'number') return KIND_NUMBERS[v];
  if (typeof v !== 'string') return undefined;
  return KINDS[v.toLowerCase().replace(/^span_kind_/, '')];
}

/** Elastic APM documents without `span.kind`: a transaction serves, a span with a destination calls out. */
function fallbackKind(doc: Record<string, unknown>, f: TraceFields): SpanKind {
  if (!f.event) return 'unspecified';
  const ev = getDotted(doc, f.event);
  if (ev === 'transaction') return 'server';
  return first(doc, f.peer) !== undefined ? 'client' : 'unspecified';
}

function statusOf(v: unknown, f: TraceFields): SpanRecord['status'] {
  if (v === 2) return 'error';
  if (v === 1) return 'ok';
  if (typeof v !== 'string') return 'unset';
  if (f.errorValues.includes(v)) return 'error';
  if (f.okValues.includes(v)) return 'ok';
  return 'unset';
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function toInt(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}
