import type { IncomingMessage } from 'node:http';
import { firstInvalidUtf8 } from '../../core/formats/first-invalid-utf8.ts';
import { checkCredentialHeaders } from '../../core/ingest/check-credential-headers.ts';
import type { WebhookRejection } from '../../core/ingest/verdict.ts';
import type { WebhookRequest } from '../../core/ingest/webhook-request.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';
import type { BodyGate } from './body-gate.ts';
import type { HttpServerDeps } from './http-server-deps.ts';
import { isJsonContentType } from './is-json-content-type.ts';
import { lowerCaseHeaders } from './lower-case-headers.ts';

export type WebhookAnswer = {
  readonly status: number;
  readonly body: unknown;
  readonly close?: boolean;
  /** Seconds, for a 503 past a cap. */
  readonly retryAfter?: number;
};

/** What the server knows beyond the request: its body gate and how many connections are open. */
export type WebhookGate = { readonly bodies: BodyGate; connections(): number };

/** How long a sender turned away by a cap is asked to wait. */
const RETRY_AFTER_SECONDS = 5;

const problem = (e: WebhookRejection, close = false): WebhookAnswer => ({
  status: e.status,
  body: { error: { code: e.code, field: e.field, message: e.message } },
  close,
});

const busy = (message: string): WebhookAnswer => ({
  status: 503,
  body: { error: { code: 'SERVER_BUSY', field: '(server)', message } },
  close: true,
  retryAfter: RETRY_AFTER_SECONDS,
});

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * One webhook delivery, in this order: JSON content type (415) → the credential header's presence
 * and form, before any of the body is read (401) → open connections within server.maxConnections
 * (503 + Retry-After) → body within the size limit (413), the in-flight cap (503 + Retry-After) and
 * the body timeout (408) → signature or token on the raw bytes, constant-time (401) → UTF-8 (400,
 * with the byte offset) → JSON (400) → the source's shape (422, naming the field) → a signed
 * timestamp inside the body within the replay window (401) → stored durably (202), or 503 when the
 * store failed. Nothing is parsed before it is verified.
 */
export async function handleWebhook(
  deps: HttpServerDeps,
  source: WebhookSource,
  req: IncomingMessage,
  gate: WebhookGate,
): Promise<WebhookAnswer> {
  const count = source.kind === 'alerts' ? deps.telemetry.alertsReceived : deps.telemetry.changesReceived;
  const log = (status: number, code: string, field: string, message: string) => {
    count(source.name, 'rejected', 1);
    deps.log.warn({ source: source.name, kind: source.kind, status, code, field }, message);
  };
  const refuse = (e: WebhookRejection, close = false) => {
    log(e.status, e.code, e.field, e.message);
    return problem(e, close);
  };
  const turnAway = (message: string) => {
    log(503, 'SERVER_BUSY', '(server)', message);
    return busy(message);
  };
  const contentType = req.headers['content-type'];
  if (!isJsonContentType(contentType))
    return refuse(
      {
        status: 415,
        code: 'WEBHOOK_CONTENT_TYPE',
        field: 'content-type',
        message: `content-type ${JSON.stringify(contentType ?? '')} is not JSON; send application/json`,
      },
      true,
    );
  const headers = lowerCaseHeaders(req.headers);
  const form = checkCredentialHeaders(headers, source.credential);
  if (!form.ok) return refuse(form.error, true);
  if (gate.connections() > deps.limits.connections)
    return turnAway(
      `more than server.maxConnections (${deps.limits.connections}) connections are open; retry after ${RETRY_AFTER_SECONDS} s`,
    );
  const read = await gate.bodies.read(req);
  if (read.kind === 'aborted')
    return {
      status: 400,
      body: { error: { code: 'WEBHOOK_MALFORMED', field: '(body)', message: 'the request was aborted' } },
      close: true,
    };
  if (read.kind === 'too-large')
    return refuse(
      {
        status: 413,
        code: 'WEBHOOK_TOO_LARGE',
        field: '(body)',
        message: `the body is larger than server.bodyLimitBytes (${deps.limits.bodyBytes} bytes)`,
      },
      true,
    );
  if (read.kind === 'timeout')
    return refuse(
      {
        status: 408,
        code: 'WEBHOOK_TIMEOUT',
        field: '(body)',
        message: `the body did not arrive within server.bodyTimeoutSeconds (${deps.limits.bodyTimeoutMs / 1000} s)`,
      },
      true,
    );
  if (read.kind === 'crowded')
    return turnAway(
      `bodies being received passed server.maxBodyBytesInFlight (${deps.limits.bodyBytesInFlight} bytes) and this one had been arriving the longest; retry after ${RETRY_AFTER_SECONDS} s`,
    );
  const body = read.bytes;
  const wreq: WebhookRequest = { headers, body, receivedAt: deps.now() };
  const verdict = source.verify(wreq);
  if (!verdict.ok) return refuse(verdict.error);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return refuse({
      status: 400,
      code: 'WEBHOOK_MALFORMED',
      field: '(body)',
      message: `not valid UTF-8 at byte ${firstInvalidUtf8(body)}; send the body encoded as UTF-8`,
    });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return refuse({
      status: 400,
      code: 'WEBHOOK_MALFORMED',
      field: '(body)',
      message: `not valid JSON: ${(e as Error).message}`,
    });
  }
  const n = source.normalize(doc, wreq);
  if (!n.ok)
    return refuse({
      status: 422,
      code: 'WEBHOOK_PAYLOAD_INVALID',
      field: n.error.field,
      message: `${n.error.field}: ${n.error.message}`,
    });
  if (source.checkFreshness) {
    const fresh = source.checkFreshness(doc, wreq);
    if (!fresh.ok) return refuse(fresh.error);
  }
  const delivery = n.value;
  const size =
    delivery.kind === 'alerts' ? delivery.alerts.length : delivery.kind === 'changes' ? delivery.changes.length : 1;
  if (delivery.kind === 'ignored') {
    count(source.name, 'ignored', 1);
    deps.log.debug({ source: source.name, reason: delivery.reason }, 'webhook ignored');
    return { status: 202, body: { accepted: 0, ignored: delivery.reason } };
  }
  try {
    const answer = await deps.telemetry.span(
      'causeway.webhook',
      { 'causeway.source': source.name, 'causeway.kind': source.kind, 'causeway.count': size },
      () => deps.accept(source, delivery, wreq.receivedAt),
    );
    count(source.name, 'accepted', size);
    return { status: 202, body: answer };
  } catch (e) {
    count(source.name, 'failed', size);
    deps.log.error(
      { source: source.name, err: e instanceof Error ? e.message : String(e) },
      'could not store a delivery',
    );
    return {
      status: 503,
      body: {
        error: {
          code: 'SERVER_UNAVAILABLE',
          field: '(store)',
          message: 'the delivery could not be stored; nothing was kept, retry later',
        },
      },
    };
  }
}
