import { normalizeArgocd } from '../../core/ingest/normalize-argocd.ts';
import { verifyBearer } from '../../core/ingest/verify-bearer.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';

/**
 * Argo CD notifications (the webhook service with the documented template, docs/webhooks.md).
 * Argo CD does not sign; the service's header `Authorization: Bearer <token>` is checked in
 * constant time. Re-deliveries rewrite the same event (idempotent by app and revision).
 */
export function argocdSource(token: string): WebhookSource {
  return {
    name: 'argocd',
    kind: 'changes',
    auth: 'Authorization: Bearer <webhooks.argocd.token> (a header of the Argo CD webhook service)',
    credential: { kind: 'bearer', header: 'authorization' },
    verify: (req) => verifyBearer(req, token),
    normalize: (doc) => normalizeArgocd(doc),
  };
}
