import { errorTagText } from '../../../core/formats/error-tag-text.ts';
import { spanIdKey, traceIdKey } from '../../../core/formats/span-ids.ts';
import { spanStatus } from '../../../core/formats/span-status.ts';
import type { SpanKind } from '../../../core/model/span-record.ts';
import type { SeedSpan } from './seed-span.ts';

const KINDS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

/**
 * The spans of one OTLP/JSON ExportTraceServiceRequest (already validated by the OTLP reader),
 * with attributes as plain values, numbered from `seq` in file order.
 */
export function otlpSeedSpans(request: unknown, seq: number): SeedSpan[] {
  const out: SeedSpan[] = [];
  for (const rs of arr(obj(request).resourceSpans)) {
    const r = obj(rs);
    const resource = attributes(obj(r.resource).attributes);
    for (const ss of arr(r.scopeSpans ?? r.instrumentationLibrarySpans)) {
      const sc = obj(ss);
      const scope = obj(sc.scope ?? sc.instrumentationLibrary);
      for (const sp of arr(sc.spans)) {
        const s = obj(sp);
        const status = obj(s.status);
        const kind = kindOf(s.kind);
        const attrs = attributes(s.attributes);
        const message = str(status.message) ?? str(attrs['otel.status_description']) ?? errorTagText(attrs.error);
        out.push({
          seq: seq + out.length,
          // Ids as the readers normalise them (64-bit padded, base64 decoded), so lookups by id match.
          traceId: traceIdKey(s.traceId) ?? '',
          spanId: spanIdKey(s.spanId) ?? '',
          parentSpanId: spanIdKey(s.parentSpanId),
          name: typeof s.name === 'string' ? s.name : '',
          kind,
          startNs: nanos(s.startTimeUnixNano),
          endNs: nanos(s.endTimeUnixNano),
          status: spanStatus(status.code, (k) => attrs[k], kind),
          statusMessage: message,
          exception: exceptionOf(s.events),
          resource,
          attributes: attrs,
          scope: { name: str(scope.name), version: str(scope.version) },
        });
      }
    }
  }
  return out;
}

function exceptionOf(events: unknown): SeedSpan['exception'] {
  const ex = arr(events).find((e) => obj(e).name === 'exception');
  if (!ex) return undefined;
  const a = attributes(obj(ex).attributes);
  return {
    type: typeof a['exception.type'] === 'string' ? a['exception.type'] : undefined,
    message: typeof a['exception.message'] === 'string' ? a['exception.message'] : undefined,
  };
}

function kindOf(v: unknown): SpanKind {
  if (typeof v === 'number') return KINDS[v] ?? 'unspecified';
  if (typeof v === 'string')
    return (KINDS.find((k) => `SPAN_KIND_${k.toUpperCase()}` === v) ?? 'unspecified') as SpanKind;
  return 'unspecified';
}

function nanos(v: unknown): bigint {
  if (typeof v === 'string') return BigInt(v);
  if (typeof v === 'number') return BigInt(Math.round(v));
  return 0n;
}

/** OTLP attribute list → plain values (intValue as a number, arrays as arrays). */
function attributes(list: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of arr(list)) {
    const x = obj(a);
    if (typeof x.key !== 'string') continue;
    const v = value(x.value);
    if (v !== undefined) out[x.key] = v;
  }
  return out;
}

function value(v: unknown): unknown {
  const o = obj(v);
  if (o.stringValue !== undefined) return o.stringValue;
  if (o.intValue !== undefined) return Number(o.intValue);
  if (o.doubleValue !== undefined) return Number(o.doubleValue);
  if (o.boolValue !== undefined) return o.boolValue;
  if (o.arrayValue !== undefined) return arr(obj(o.arrayValue).values).map(value);
  return undefined;
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
