import { context, type HrTime, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { type ReadableSpan, type SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { describeFailure } from '../logs/describe-failure.ts';
import { stackTrace } from '../logs/stack-trace.ts';
import type { SpanRec } from '../model/records.ts';
import type { Service } from '../model/topology-model.ts';

const KIND: Readonly<Record<number, SpanKind>> = {
  1: SpanKind.INTERNAL,
  2: SpanKind.SERVER,
  3: SpanKind.CLIENT,
  4: SpanKind.PRODUCER,
  5: SpanKind.CONSUMER,
};

function hr(ms: number): HrTime {
  const sec = Math.floor(ms / 1000);
  const nanos = Math.min(999_999_999, Math.max(0, Math.round((ms - sec * 1000) * 1e6)));
  return [sec, nanos];
}

export type ProcessInfo = { readonly svc: Service; readonly resource: Record<string, string | number> };

/**
 * Turns planned spans into real OpenTelemetry SDK spans (one TracerProvider per process,
 * ids from the plan, times from the plan shifted by the service's clock skew) and
 * serialises one batch as an OTLP/JSON ExportTraceServiceRequest line.
 */
export function createSpanMaterializer(
  processOf: (rec: SpanRec) => ProcessInfo,
): (batch: readonly SpanRec[]) => string {
  // Collects ended spans synchronously. (SimpleSpanProcessor arms an export timeout per span,
  // which keeps every span alive for seconds and made memory grow across bundles.)
  let finished: ReadableSpan[] = [];
  const collector: SpanProcessor = {
    onStart: () => {},
    onEnd: (span) => {
      finished.push(span);
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  const ids = { traceId: '', spanId: '' };
  const idGenerator = { generateTraceId: () => ids.traceId, generateSpanId: () => ids.spanId };
  const providers = new Map<string, TracerProvider>();
  const tracers = new Map<string, Tracer>();
  const tracerFor = (rec: SpanRec, info: ProcessInfo): Tracer => {
    const key = `${rec.service}|${rec.incarnation}|${rec.scope}`;
    let t = tracers.get(key);
    if (t) return t;
    const pkey = `${rec.service}|${rec.incarnation}`;
    let p = providers.get(pkey);
    if (!p) {
      p = new TracerProvider({
        resource: resourceFromAttributes(info.resource),
        idGenerator,
        spanProcessors: [collector],
      });
      providers.set(pkey, p);
    }
    const at = rec.scope.lastIndexOf('@');
    const name = at > 0 ? rec.scope.slice(0, at) : rec.scope;
    const version = at > 0 ? rec.scope.slice(at + 1) : '';
    t = version ? p.getTracer(name, version) : p.getTracer(name);
    tracers.set(key, t);
    return t;
  };
  return (batch) => {
    finished = [];
    for (const rec of batch) {
      const info = processOf(rec);
      const skew = info.svc.clockSkewMs;
      const tracer = tracerFor(rec, info);
      ids.traceId = rec.traceId;
      ids.spanId = rec.spanId;
      const ctx = rec.parentId
        ? trace.setSpanContext(context.active(), {
            traceId: rec.traceId,
            spanId: rec.parentId,
            traceFlags: 1,
            isRemote: rec.remoteParent,
          })
        : context.active();
      const span = tracer.startSpan(
        rec.name,
        { kind: KIND[rec.kind] ?? SpanKind.INTERNAL, startTime: hr(rec.start + skew), attributes: rec.attrs },
        ctx,
      );
      let message: string | undefined;
      if (rec.exception) {
        const err = describeFailure(rec.exception.failure, info.svc.lang, info.svc.log.variant);
        const stack = info.svc.lang === 'go' ? '' : stackTrace(info.svc, err, rec.exception.failure.where);
        span.recordException(
          { name: err.type, message: err.message, ...(stack ? { stack } : {}) },
          hr(Math.max(rec.start, Math.min(rec.end, rec.exception.at)) + skew),
        );
        if (info.svc.lang === 'java' || info.svc.lang === 'dotnet')
          message = `${err.type}: ${err.message}`.slice(0, 300);
      }
      if (rec.status === 2)
        span.setStatus(message ? { code: SpanStatusCode.ERROR, message } : { code: SpanStatusCode.ERROR });
      span.end(hr(Math.max(rec.end, rec.start) + skew));
    }
    const bytes = JsonTraceSerializer.serializeRequest(finished);
    const text = bytes ? new TextDecoder().decode(bytes) : '{"resourceSpans":[]}';
    return text.replace(/"intValue":(-?\d+)/g, '"intValue":"$1"');
  };
}
