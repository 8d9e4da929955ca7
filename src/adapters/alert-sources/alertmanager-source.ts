import { normalizeAlertmanager } from '../../core/ingest/normalize-alertmanager.ts';
import { verifyBearer } from '../../core/ingest/verify-bearer.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';

/**
 * Prometheus Alertmanager (webhook_configs, payload version 4). Alertmanager does not sign its
 * webhooks: it authenticates with `http_config.authorization` (a bearer token), checked here in
 * constant time. There is no timestamp to bound replays; a replayed delivery joins the same
 * incident (same fingerprint, same startsAt) and starts no second investigation.
 */
export function alertmanagerSource(token: string, serviceLabels: readonly string[]): WebhookSource {
  return {
    name: 'alertmanager',
    kind: 'alerts',
    auth: 'Authorization: Bearer <webhooks.alertmanager.token>',
    credential: { kind: 'bearer', header: 'authorization' },
    verify: (req) => verifyBearer(req, token),
    normalize: (doc) => normalizeAlertmanager(doc, serviceLabels),
  };
}
