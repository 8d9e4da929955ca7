import { normalizeDatadog } from '../../core/ingest/normalize-datadog.ts';
import { verifyBearer } from '../../core/ingest/verify-bearer.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';

/**
 * Datadog's Webhooks integration with the recommended payload template (docs/webhooks.md).
 * Datadog does not sign webhooks; the integration's custom headers carry
 * `Authorization: Bearer <token>`, checked in constant time.
 */
export function datadogSource(token: string, serviceLabels: readonly string[]): WebhookSource {
  return {
    name: 'datadog',
    kind: 'alerts',
    auth: 'Authorization: Bearer <webhooks.datadog.token> (a custom header of the Datadog webhook)',
    credential: { kind: 'bearer', header: 'authorization' },
    verify: (req) => verifyBearer(req, token),
    normalize: (doc) => normalizeDatadog(doc, serviceLabels),
  };
}
