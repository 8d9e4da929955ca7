import { hmacSha256Hex } from './hmac-sha256-hex.ts';
import { timingSafeEqualText } from './timing-safe-equal-text.ts';
import { reject, type Verdict } from './verdict.ts';

/**
 * Checks a hex HMAC-SHA256 signature header over the raw bytes `signed` (constant-time). The header
 * may hold several comma-separated candidates (key rotation, PagerDuty's `v1=a,v1=b`); each may
 * carry `prefix` (`sha256=`, `v1=`), which is stripped. One match is enough.
 */
export function verifyHmacSignature(
  header: string,
  value: string | undefined,
  secret: string,
  signed: readonly (string | Uint8Array)[],
  prefix = '',
): Verdict {
  if (value === undefined || value.trim() === '')
    return reject(
      401,
      'WEBHOOK_UNAUTHORIZED',
      header,
      `missing ${header} header (an HMAC-SHA256 signature of the body)`,
    );
  const expected = hmacSha256Hex(secret, ...signed);
  const candidates = value
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c.startsWith(prefix))
    .map((c) => c.slice(prefix.length).toLowerCase());
  if (candidates.length === 0)
    return reject(
      401,
      'WEBHOOK_UNAUTHORIZED',
      header,
      `${header} header has no ${prefix ? `"${prefix}…" ` : ''}signature`,
    );
  let match = false;
  // Compare every candidate (no early exit) so timing does not tell which one matched.
  for (const c of candidates) match = timingSafeEqualText(c, expected) || match;
  if (!match)
    return reject(
      401,
      'WEBHOOK_UNAUTHORIZED',
      header,
      `${header} header: the signature does not match the body (wrong secret or altered body)`,
    );
  return { ok: true };
}
