import { normalizeGithubDeployment } from '../../core/ingest/normalize-github-deployment.ts';
import { verifyHmacSignature } from '../../core/ingest/verify-hmac-signature.ts';
import type { WebhookSource } from '../../core/ingest/webhook-source.ts';

/**
 * GitHub `deployment_status` webhooks: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw
 * body>` under the webhook's secret. GitHub sends no timestamp; a replay of a delivery rewrites the
 * same change event (idempotent by deployment id), so it changes nothing.
 */
export function githubDeploymentSource(secret: string): WebhookSource {
  return {
    name: 'github',
    kind: 'changes',
    auth: 'HMAC-SHA256 in X-Hub-Signature-256 (sha256=…) over the body',
    credential: { kind: 'hmac', header: 'x-hub-signature-256', prefix: 'sha256=' },
    verify: (req) =>
      verifyHmacSignature('x-hub-signature-256', req.headers['x-hub-signature-256'], secret, [req.body], 'sha256='),
    normalize: (doc, req) => normalizeGithubDeployment(doc, req.headers['x-github-event']),
  };
}
