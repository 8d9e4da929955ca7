import type { SpanKind, SpanRecord } from '../model/span-record.ts';
import type { Result } from '../result/result.ts';
import { errorTagText } from './error-tag-text.ts';
import type { FieldError } from './field-error.ts';
import { serviceFromPodName } from './service-from-pod-name.ts';
import { spanIdOf, traceIdOf } from './span-ids.ts';
import { spanStatus } from './span-status.ts';

const KINDS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const KIND_NAMES: Readonly<Record<string, SpanKind>> = {
  SPAN_KIND_UNSPECIFIED: 'unspecified',
  SPAN_KIND_INTERNAL: 'internal',
  SPAN_KIND_SERVER: 'server',
  SPAN_KIND_CLIENT: 'client',
  SPAN_KIND_PRODUCER: 'producer',
  SPAN_KIND_CONSUMER: 'consumer',
};

/**
 * One OTLP/JSON ExportTraceServiceRequest → spans, or the first field that is wrong
 * (named by its JSON path, e.g. `resourceSpans[0].scopeSpans[1].spans[7].traceId`).
 */
export function parseOtlpRequest(doc: unknown): Result<SpanRecord[], FieldError> {
  if (!isObject(doc)) return fail('(line)', 'expected a JSON object (an ExportTraceServiceRequest)');
  const resourceSpans = doc.resourceSpans;
  if (!Array.isArray(resourceSpans)) return fail('resourceSpans', 'missing or not an array');
  const out: SpanRecord[] = [];
  for (let r = 0; r < resourceSpans.length; r++) {
    const rs: unknown = resourceSpans[r];
    const rPath = `resourceSpans[${r}]`;
    if (!isObject(rs)) return fail(rPath, 'expected an object');
    const resAttrs = attributes(isObject(rs.resource) ? rs.resource.attributes : undefined);
    const serviceName = resAttrs.get('service.name');
    if (typeof serviceName !== 'string' || serviceName === '') {
      return fail(`${rPath}.resource.attributes[service.name]`, 'missing (every resource needs service.name)');
    }
    const service = serviceFromPodName(serviceName);
    const scopeSpans = rs.scopeSpans ?? rs.instrumentationLibrarySpans;
    if (scopeSpans === undefined) continue;
    if (!Array.isArray(scopeSpans)) return fail(`${rPath}.scopeSpans`, 'not an array');
    for (let s = 0; s < scopeSpans.length; s++) {
      const ss: unknown = scopeSpans[s];
      if (!isObject(ss)) return fail(`${rPath}.scopeSpans[${s}]`, 'expected an object');
      const spans = ss.spans ?? [];
      if (!Array.isArray(spans)) return fail(`${rPath}.scopeSpans[${s}].spans`, 'not an array');
      for (let i = 0; i < spans.length; i++) {
        const parsed = parseSpan(spans[i], service, `${rPath}.scopeSpans[${s}].spans[${i}]`);
        if (!parsed.ok) return parsed;
        out.push(parsed.value);
      }
    }
  }
  return { ok: true, value: out };
}

function parseSpan(sp: unknown, service: string, path: string): Result<SpanRecord, FieldError> {
  if (!isObject(sp)) return fail(path, 'expected an object');
  // Hex as OTLP/JSON has it; 64-bit ids and base64 (what other exporters write) are read too.
  const traceId = traceIdOf(sp.traceId);
  if (!traceId) return fail(`${path}.traceId`, 'must be 32 hex characters');
  const spanId = spanIdOf(sp.spanId);
  if (!spanId) return fail(`${path}.spanId`, 'must be 16 hex characters');
  const rawParent = sp.parentSpanId;
  const parent = rawParent === undefined || rawParent === '' ? undefined : spanIdOf(rawParent);
  if (rawParent !== undefined && rawParent !== '' && !parent) {
    return fail(`${path}.parentSpanId`, 'must be 16 hex characters or empty');
  }
  const start = nanosToMs(sp.startTimeUnixNano);
  if (start === undefined) return fail(`${path}.startTimeUnixNano`, 'must be a decimal string of nanoseconds');
  const end = nanosToMs(sp.endTimeUnixNano);
  if (end === undefined) return fail(`${path}.endTimeUnixNano`, 'must be a decimal string of nanoseconds');
  if (end < start) return fail(`${path}.endTimeUnixNano`, 'is before startTimeUnixNano');
  const kind = spanKind(sp.kind);
  if (kind === undefined) return fail(`${path}.kind`, `${JSON.stringify(sp.kind)} is not a span kind (0-5)`);
  const attrs = attributes(sp.attributes);
  const status = spanStatus(isObject(sp.status) ? sp.status.code : undefined, (k) => attrs.get(k), kind);
  const httpStatus = toInt(attrs.get('http.response.status_code') ?? attrs.get('http.status_code'));
  const peer = str(attrs.get('peer.service')) ?? str(attrs.get('server.address')) ?? str(attrs.get('net.peer.name'));
  return {
    ok: true,
    value: {
      traceId,
      spanId,
      parentSpanId: parent,
      service,
      name: typeof sp.name === 'string' ? sp.name : '',
      kind,
      start,
      end,
      status,
      httpStatus,
      peer: kind === 'client' || kind === 'producer' || kind === 'unspecified' ? peer : undefined,
      address:
        kind === 'client' || kind === 'producer' || kind === 'unspecified'
          ? (str(attrs.get('server.address')) ?? str(attrs.get('net.peer.name')))
          : undefined,
      errorText:
        status === 'unset' && !(httpStatus !== undefined && httpStatus >= 400) ? undefined : errorText(sp, attrs),
    },
  };
}

/** error.type, the status message and the first exception event's type and message, clipped. */
function errorText(sp: Record<string, unknown>, attrs: Map<string, unknown>): string | undefined {
  const parts: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v !== '' && !parts.includes(v)) parts.push(v);
  };
  add(attrs.get('error.type'));
  if (isObject(sp.status)) add(sp.status.message);
  add(attrs.get('otel.status_description'));
  add(attrs.get('error.message'));
  add(errorTagText(attrs.get('error')));
  if (Array.isArray(sp.events)) {
    const ex = sp.events.find((e) => isObject(e) && e.name === 'exception');
    if (isObject(ex)) {
      const ea = attributes(ex.attributes);
      add(ea.get('exception.type'));
      add(ea.get('exception.message'));
    }
  }
  const text = parts.join(' ');
  return text === '' ? undefined : text.slice(0, 300);
}

function spanKind(v: unknown): SpanKind | undefined {
  if (v === undefined || v === null) return 'unspecified';
  if (typeof v === 'number') return KINDS[v];
  if (typeof v === 'string') return KIND_NAMES[v];
  return undefined;
}

function nanosToMs(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v / 1e6;
  if (typeof v !== 'string' || !/^\d{1,20}$/.test(v)) return undefined;
  // Split to keep sub-millisecond precision without BigInt.
  if (v.length <= 6) return Number(v) / 1e6;
  return Number(v.slice(0, -6)) + Number(v.slice(-6)) / 1e6;
}

/** OTLP attribute list → map of plain values (stringValue, intValue as string or number, boolValue, doubleValue). */
function attributes(list: unknown): Map<string, unknown> {
  const m = new Map<string, unknown>();
  if (!Array.isArray(list)) return m;
  for (const a of list) {
    if (!isObject(a) || typeof a.key !== 'string' || !isObject(a.value)) continue;
    const v = a.value;
    m.set(a.key, v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue);
  }
  return m;
}

function toInt(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function fail(field: string, message: string): { ok: false; error: FieldError } {
  return { ok: false, error: { field, message } };
}
