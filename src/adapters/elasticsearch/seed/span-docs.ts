import type { TraceFields } from '../trace-fields.ts';
import { apmSpanDoc, isApmTransaction } from './apm-span-doc.ts';
import { otelSpanDoc } from './otel-span-doc.ts';
import type { SeedSpan } from './seed-span.ts';

/**
 * A bundle's spans as documents of one trace schema. For Elastic APM, each span learns its
 * enclosing transaction by walking up its parents (spans of a bundle fit in memory).
 */
export function spanDocs(spans: readonly SeedSpan[], schema: TraceFields['schema']): Record<string, unknown>[] {
  if (schema === 'otel') return spans.map(otelSpanDoc);
  const byId = new Map<string, SeedSpan>();
  for (const s of spans) byId.set(`${s.traceId}|${s.spanId}`, s);
  const txOf = (s: SeedSpan): string | undefined => {
    let p = s.parentSpanId ? byId.get(`${s.traceId}|${s.parentSpanId}`) : undefined;
    for (let hops = 0; p && hops < 1000; hops++) {
      if (isApmTransaction(p)) return p.spanId;
      p = p.parentSpanId ? byId.get(`${s.traceId}|${p.parentSpanId}`) : undefined;
    }
    return undefined;
  };
  return spans.map((s) => apmSpanDoc(s, isApmTransaction(s) ? undefined : txOf(s)));
}
