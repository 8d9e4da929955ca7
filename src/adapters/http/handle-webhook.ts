import type { IncomingMessage } from 'node:http';
import type { WebhookRejection } from '../../core/ingest/webhook-rejection.ts';
import type { WebhookRequest } from '../../core/ingest/webhook-request.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';
import type { HttpServerDeps } from './http-server-deps.ts';
import { isJsonContentType } from './is-json-content-type.ts';
import { lowerCaseHeaders } from './lower-case-headers.ts';
import { readBody } from './read-body.ts';

export type WebhookAnswer = { readonly status: number; readonly body: unknown; readonly close?: boolean };

const problem = (e: WebhookRejection, close = false): WebhookAnswer => ({
  status: e.status,
  body: { error: { code: e.code, field: e.field, message: e.message } },
  close,
});

/**
 * One webhook delivery, in this order: JSON content type (415) → body within the limit (413) →
 * signature or token on the raw bytes, constant-time (401) → JSON (400) → the source's shape
 * (422, naming the field) → a signed timestamp inside the body within the replay window (401) →
 * stored durably (202), or 503 when the store failed. Nothing is parsed before it is verified.
 */
export async function handleWebhook(
  deps: HttpServerDeps,
  source: WebhookSource,
  req: IncomingMessage,
): Promise<WebhookAnswer> {
  const count = source.kind === 'alerts' ? deps.telemetry.alertsReceived : deps.telemetry.changesReceived;
  const refuse = (e: WebhookRejection, close = false) => {
    count(source.name, 'rejected', 1);
    deps.log.warn(
      { source: source.name, kind: source.kind, status: e.status, code: e.code, field: e.field },
      e.message,
    );
    return problem(e, close);
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
  const body = await readBody(req, deps.bodyLimitBytes);
  if (body === 'aborted')
    return {
      status: 400,
      body: { error: { code: 'WEBHOOK_MALFORMED', field: '(body)', message: 'the request was aborted' } },
      close: true,
    };
  if (body === 'too-large')
    return refuse(
      {
        status: 413,
        code: 'WEBHOOK_TOO_LARGE',
        field: '(body)',
        message: `the body is larger than server.bodyLimitBytes (${deps.bodyLimitBytes} bytes)`,
      },
      true,
    );
  const wreq: WebhookRequest = { headers: lowerCaseHeaders(req.headers), body, receivedAt: deps.now() };
  const verdict = source.verify(wreq);
  if (!verdict.ok) return refuse(verdict.error);
  let doc: unknown;
  try {
    doc = JSON.parse(body.toString('utf8'));
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
