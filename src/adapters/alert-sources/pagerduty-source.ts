import { parseTimestamp } from '../../core/formats/parse-timestamp.ts';
import { checkReplayWindow } from '../../core/ingest/check-replay-window.ts';
import { normalizePagerduty } from '../../core/ingest/normalize-pagerduty.ts';
import { verifyHmacSignature } from '../../core/ingest/verify-hmac-signature.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';

/**
 * PagerDuty v3 webhooks: `X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the raw body>` (several,
 * comma-separated, while a secret rotates). PagerDuty sends no timestamp header; the signed
 * `event.occurred_at` is checked against the replay window once the body is known to be genuine.
 */
export function pagerdutySource(
  secret: string,
  replayWindowMs: number,
  serviceLabels: readonly string[],
): WebhookSource {
  return {
    name: 'pagerduty',
    kind: 'alerts',
    auth: 'HMAC-SHA256 in X-PagerDuty-Signature (v1=…) over the body; event.occurred_at within the replay window',
    credential: { kind: 'hmac', header: 'x-pagerduty-signature', prefix: 'v1=' },
    verify: (req) =>
      verifyHmacSignature('x-pagerduty-signature', req.headers['x-pagerduty-signature'], secret, [req.body], 'v1='),
    normalize: (doc) => normalizePagerduty(doc, serviceLabels),
    checkFreshness(doc, req) {
      const occurred = (doc as { event?: { occurred_at?: unknown } }).event?.occurred_at;
      const at = parseTimestamp(occurred, 'rfc3339-or-epoch');
      return checkReplayWindow(
        at.ok ? String(at.value) : undefined,
        req.receivedAt,
        replayWindowMs,
        'event.occurred_at',
      );
    },
  };
}
