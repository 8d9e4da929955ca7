import { type Span, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { IngestTelemetry } from '../../core/ingest/ingest-telemetry.ts';
import type { Metrics } from './create-metrics.ts';

function fail(span: Span, e: unknown): void {
  span.recordException(e instanceof Error ? e : new Error(String(e)));
  span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.message : String(e) });
}

/** The app's telemetry port over Prometheus metrics and an OpenTelemetry tracer. */
export function createTelemetry(metrics: Metrics, tracer: Tracer): IngestTelemetry {
  return {
    alertsReceived: metrics.alertsReceived,
    changesReceived: metrics.changesReceived,
    incidentOpened: metrics.incidentOpened,
    incidentResolved: metrics.incidentResolved,
    investigation: metrics.investigation,
    connectorError: metrics.connectorError,
    span: (name, attributes, fn) =>
      tracer.startActiveSpan(name, { attributes }, async (span) => {
        try {
          return await fn();
        } catch (e) {
          fail(span, e);
          throw e;
        } finally {
          span.end();
        }
      }),
    spanSync: (name, attributes, fn) =>
      tracer.startActiveSpan(name, { attributes }, (span) => {
        try {
          return fn();
        } catch (e) {
          fail(span, e);
          throw e;
        } finally {
          span.end();
        }
      }),
  };
}
