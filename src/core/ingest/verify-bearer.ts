import { timingSafeEqualText } from './timing-safe-equal-text.ts';
import { reject, type Verdict } from './verdict.ts';
import type { WebhookRequest } from './webhook-request.ts';

/**
 * `Authorization: Bearer <token>` against the configured token, constant-time. `header` lets a
 * source that cannot set Authorization use another header (the value is then the token itself,
 * with or without the `Bearer ` prefix).
 */
export function verifyBearer(req: WebhookRequest, token: string, header = 'authorization'): Verdict {
  const raw = req.headers[header];
  if (raw === undefined || raw === '')
    return reject(401, 'WEBHOOK_UNAUTHORIZED', header, `missing ${header} header (expected: Bearer <token>)`);
  const m = /^Bearer\s+(.+)$/i.exec(raw.trim());
  const given = m ? (m[1] as string) : header === 'authorization' ? undefined : raw.trim();
  if (given === undefined)
    return reject(401, 'WEBHOOK_UNAUTHORIZED', header, `${header} header is not "Bearer <token>"`);
  if (!timingSafeEqualText(given, token))
    return reject(401, 'WEBHOOK_UNAUTHORIZED', header, `${header} header: the token does not match`);
  return { ok: true };
}
