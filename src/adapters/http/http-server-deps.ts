import type { Tracer } from '@opentelemetry/api';
import type { IngestTelemetry } from '../../core/ingest/ingest-telemetry.ts';
import type { LogPort } from '../../core/ingest/log-port.ts';
import type { NormalizedDelivery } from '../../core/ingest/normalized-delivery.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';
import type { BodyLimits } from './body-gate.ts';
import type { IncidentPageDeps } from './incident-page-deps.ts';

/** The JSON a webhook's handling answers with (202). */
export type Accepted = Readonly<Record<string, unknown>>;

/** One readiness check (the store, a data source): its name, whether it passed, and why not. */
export type ReadyCheck = { readonly name: string; readonly ok: boolean; readonly detail?: string };

/** What one client may hold (server.* in the configuration; docs/webhooks.md). */
export type HttpLimits = BodyLimits & {
  /** Open connections; past it a webhook is answered 503 + Retry-After and its connection closed. */
  readonly connections: number;
};

/** What the HTTP server needs; it owns no state beyond requests in flight. */
export type HttpServerDeps = {
  readonly alertSources: readonly WebhookSource[];
  readonly changeSources: readonly WebhookSource[];
  /** Stores what a verified delivery says (durably) and answers; throws when the store fails (→ 503). */
  readonly accept: (source: WebhookSource, delivery: NormalizedDelivery, receivedAt: number) => Promise<Accepted>;
  readonly ready: () => Promise<readonly ReadyCheck[]>;
  readonly metrics: {
    readonly contentType: string;
    text(): Promise<string>;
    request(route: string, status: number, seconds: number): void;
    /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
    readonly token?: string | undefined;
  };
  readonly telemetry: IngestTelemetry;
  /** When set, each request is a SERVER span (HTTP semantic conventions; see trace-http-request.ts). */
  readonly tracer?: Tracer;
  readonly log: LogPort;
  readonly limits: HttpLimits;
  /** The read-only incident pages (`GET /incidents/:id`); absent: 404 like any unknown path. */
  readonly pages?: IncidentPageDeps;
  /** Epoch ms (the receive time of each delivery) and a monotonic ms clock for durations. */
  readonly now: () => number;
  readonly monotonic: () => number;
};
