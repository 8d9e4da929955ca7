import { normalizeGenericAlerts } from '../../core/ingest/normalize-generic-alerts.ts';
import { verifyCausewaySignature } from '../../core/ingest/verify-causeway-signature.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';

/**
 * Causeway's own alert format (docs/webhooks.md), for anything without a dedicated endpoint.
 * With `webhooks.generic.hmacSecret`: `X-Causeway-Signature: sha256=<hex HMAC-SHA256 of
 * "<X-Causeway-Timestamp>.<raw body>">` with the timestamp within the replay window; otherwise
 * `Authorization: Bearer <webhooks.generic.token>`.
 */
export function genericAlertSource(
  auth: { readonly hmacSecret?: string | undefined; readonly token?: string | undefined },
  replayWindowMs: number,
  serviceLabels: readonly string[],
): WebhookSource {
  const v = verifyCausewaySignature(auth, replayWindowMs);
  return {
    name: 'generic',
    kind: 'alerts',
    auth: v.description,
    credential: v.credential,
    verify: v.verify,
    normalize: (doc) => normalizeGenericAlerts(doc, serviceLabels),
  };
}
