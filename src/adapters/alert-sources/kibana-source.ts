import { normalizeKibana } from '../../core/ingest/normalize-kibana.ts';
import { verifyBearer } from '../../core/ingest/verify-bearer.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';

/**
 * Kibana (Elastic) alerting through a Webhook connector with the documented body
 * (docs/webhooks.md). Kibana does not sign; the connector's header `Authorization: Bearer <token>`
 * is checked in constant time.
 */
export function kibanaSource(token: string, serviceLabels: readonly string[]): WebhookSource {
  return {
    name: 'kibana',
    kind: 'alerts',
    auth: 'Authorization: Bearer <webhooks.kibana.token> (a header of the Kibana Webhook connector)',
    credential: { kind: 'bearer', header: 'authorization' },
    verify: (req) => verifyBearer(req, token),
    normalize: (doc) => normalizeKibana(doc, serviceLabels),
  };
}
