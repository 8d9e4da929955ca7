import { checkReplayWindow } from '../../core/ingest/check-replay-window.ts';
import { normalizeGrafana } from '../../core/ingest/normalize-grafana.ts';
import { verifyBearer } from '../../core/ingest/verify-bearer.ts';
import { verifyHmacSignature } from '../../core/ingest/verify-hmac-signature.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';

export type GrafanaAuth =
  | {
      readonly kind: 'hmac';
      readonly secret: string;
      readonly signatureHeader: string;
      readonly timestampHeader: string;
    }
  | { readonly kind: 'bearer'; readonly token: string };

/**
 * Grafana Alerting's webhook contact point. With an HMAC secret (preferred): the hex
 * HMAC-SHA256 in the signature header (default X-Grafana-Alerting-Signature) over
 * `<timestamp>:<raw body>` when a timestamp header is configured — then the timestamp must be
 * within the replay window — else over the raw body. Otherwise a bearer token
 * (the contact point's Authorization header).
 */
export function grafanaSource(
  auth: GrafanaAuth,
  replayWindowMs: number,
  serviceLabels: readonly string[],
): WebhookSource {
  const sigHeader = auth.kind === 'hmac' ? auth.signatureHeader.toLowerCase() : '';
  const tsHeader = auth.kind === 'hmac' ? auth.timestampHeader.toLowerCase() : '';
  return {
    name: 'grafana',
    kind: 'alerts',
    auth:
      auth.kind === 'hmac'
        ? `HMAC-SHA256 in ${auth.signatureHeader}${auth.timestampHeader ? ` over "<${auth.timestampHeader}>:<body>"` : ''}`
        : 'Authorization: Bearer <webhooks.grafana.token>',
    credential:
      auth.kind === 'hmac'
        ? { kind: 'hmac', header: sigHeader, prefix: '', timestampHeader: tsHeader || undefined }
        : { kind: 'bearer', header: 'authorization' },
    verify(req) {
      if (auth.kind === 'bearer') return verifyBearer(req, auth.token);
      if (!tsHeader) return verifyHmacSignature(sigHeader, req.headers[sigHeader], auth.secret, [req.body]);
      const ts = req.headers[tsHeader];
      // Without the timestamp the signature cannot match: name the header that is missing.
      if (req.headers[sigHeader] && !ts?.trim()) return checkReplayWindow(ts, req.receivedAt, replayWindowMs, tsHeader);
      // The signature first (a forged timestamp must not reveal anything), then its freshness.
      const sig = verifyHmacSignature(sigHeader, req.headers[sigHeader], auth.secret, [`${ts ?? ''}:`, req.body]);
      if (!sig.ok) return sig;
      return checkReplayWindow(ts, req.receivedAt, replayWindowMs, tsHeader);
    },
    normalize: (doc) => normalizeGrafana(doc, serviceLabels),
  };
}
