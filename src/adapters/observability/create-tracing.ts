import { randomUUID } from 'node:crypto';
import { context, type Tracer, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import { createOtlpJsonExporter } from './create-otlp-json-exporter.ts';

export type Tracing = {
  readonly tracer: Tracer;
  /** Exports what is buffered (graceful shutdown), then stops. */
  shutdown(): Promise<void>;
  forceFlush(): Promise<void>;
};

/**
 * OpenTelemetry tracing (SDK 3.x) for `causeway serve`: a TracerProvider whose resource names the
 * service (`service.name`, `service.version`, `service.instance.id`),
 * an AsyncLocalStorage context manager (parent/child spans across awaits), registered globally
 * so the code traces through `@opentelemetry/api`. Spans are exported by OTLP/HTTP JSON when an
 * endpoint is configured (or to `exporter`, for tests); otherwise they only correlate the logs.
 */
export function createTracing(o: {
  readonly serviceName: string;
  /** `service.version` (Causeway's package.json version). */
  readonly serviceVersion: string;
  /** `service.instance.id`: default a random UUID, new for each process. */
  readonly serviceInstanceId?: string;
  readonly otlpEndpoint?: string | undefined;
  readonly otlpHeaders?: Readonly<Record<string, string>>;
  readonly exporter?: SpanExporter;
  readonly scheduledDelayMillis?: number;
}): Tracing {
  const exporter =
    o.exporter ??
    (o.otlpEndpoint
      ? createOtlpJsonExporter({ endpoint: o.otlpEndpoint, ...(o.otlpHeaders ? { headers: o.otlpHeaders } : {}) })
      : undefined);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': o.serviceName,
      'service.version': o.serviceVersion,
      'service.instance.id': o.serviceInstanceId ?? randomUUID(),
    }),
    spanProcessors: exporter
      ? [new BatchSpanProcessor({ exporter, scheduledDelayMillis: o.scheduledDelayMillis ?? 2000 })]
      : [],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  return {
    tracer: trace.getTracer('causeway'),
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      await provider.forceFlush().catch(() => undefined);
      await provider.shutdown().catch(() => undefined);
      trace.disable();
      context.disable();
    },
  };
}
