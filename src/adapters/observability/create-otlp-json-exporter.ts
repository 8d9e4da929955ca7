import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';

/**
 * A small OTLP/HTTP span exporter (JSON encoding, `POST <endpoint>` with
 * `content-type: application/json`), built on the serializer the project already uses, so the
 * 3.x SDK needs no exporter package pinned to another SDK version. Failures are reported to the
 * processor (which drops the batch); they never reach the caller.
 */
export function createOtlpJsonExporter(o: {
  readonly endpoint: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}): SpanExporter {
  const pending = new Set<Promise<unknown>>();
  let stopped = false;
  return {
    export(spans: ReadableSpan[], done: (r: ExportResult) => void) {
      if (stopped) return done({ code: ExportResultCode.FAILED, error: new Error('exporter shut down') });
      const body = JsonTraceSerializer.serializeRequest(spans);
      if (!body) return done({ code: ExportResultCode.FAILED, error: new Error('spans could not be serialised') });
      const p = fetch(o.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(o.headers ?? {}) },
        body,
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      })
        .then(async (res) => {
          await res.arrayBuffer().catch(() => undefined);
          done(
            res.ok
              ? { code: ExportResultCode.SUCCESS }
              : { code: ExportResultCode.FAILED, error: new Error(`OTLP endpoint answered ${res.status}`) },
          );
        })
        .catch((e: unknown) => done({ code: ExportResultCode.FAILED, error: e as Error }));
      pending.add(p);
      void p.finally(() => pending.delete(p));
    },
    async forceFlush() {
      await Promise.allSettled([...pending]);
    },
    async shutdown() {
      stopped = true;
      await Promise.allSettled([...pending]);
    },
  };
}
