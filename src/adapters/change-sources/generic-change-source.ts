import { normalizeGenericChanges } from '../../core/ingest/normalize-generic-changes.ts';
import { verifyCausewaySignature } from '../../core/ingest/verify-causeway-signature.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';

/**
 * Change events in the incident bundle's shape (one, an array, or `{"changes": [...]}`), e.g. from
 * `causeway change record --server` or any deploy tool. HMAC (X-Causeway-Signature over
 * "<X-Causeway-Timestamp>.<body>", replay window) when `webhooks.changes.hmacSecret` is set, else a
 * bearer token.
 */
export function genericChangeSource(
  auth: { readonly hmacSecret?: string | undefined; readonly token?: string | undefined },
  replayWindowMs: number,
): WebhookSource {
  const v = verifyCausewaySignature(auth, replayWindowMs);
  return {
    name: 'generic',
    kind: 'changes',
    auth: v.description,
    credential: v.credential,
    verify: v.verify,
    normalize: (doc) => normalizeGenericChanges(doc),
  };
}
