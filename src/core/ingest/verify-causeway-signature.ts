import { checkReplayWindow } from './check-replay-window.ts';
import type { CredentialHeaders } from './credential-headers.ts';
import type { Verdict } from './verdict.ts';
import { verifyBearer } from './verify-bearer.ts';
import { verifyHmacSignature } from './verify-hmac-signature.ts';
import type { WebhookRequest } from './webhook-request.ts';

/**
 * Causeway's signature for its generic endpoints: `X-Causeway-Timestamp: <unix seconds>` and
 * `X-Causeway-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` (the same
 * scheme as Stripe/Slack-style signatures), the timestamp within the replay window. Without an
 * HMAC secret, a bearer token. (Also used by `causeway change record --server`.)
 */
export function verifyCausewaySignature(
  auth: { readonly hmacSecret?: string | undefined; readonly token?: string | undefined },
  replayWindowMs: number,
): { readonly description: string; readonly credential: CredentialHeaders; verify(req: WebhookRequest): Verdict } {
  const { hmacSecret, token } = auth;
  if (hmacSecret !== undefined) {
    return {
      description: 'HMAC-SHA256 in X-Causeway-Signature (sha256=…) over "<X-Causeway-Timestamp>.<body>"',
      credential: {
        kind: 'hmac',
        header: 'x-causeway-signature',
        prefix: 'sha256=',
        timestampHeader: 'x-causeway-timestamp',
      },
      verify(req) {
        const ts = req.headers['x-causeway-timestamp'];
        const sig = verifyHmacSignature(
          'x-causeway-signature',
          req.headers['x-causeway-signature'],
          hmacSecret,
          [`${ts ?? ''}.`, req.body],
          'sha256=',
        );
        if (!sig.ok) return sig;
        return checkReplayWindow(ts, req.receivedAt, replayWindowMs, 'x-causeway-timestamp');
      },
    };
  }
  if (token === undefined) throw new Error('verifyCausewaySignature: neither an HMAC secret nor a token');
  return {
    description: 'Authorization: Bearer <token>',
    credential: { kind: 'bearer', header: 'authorization' },
    verify: (req) => verifyBearer(req, token),
  };
}
