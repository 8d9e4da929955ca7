import type { CredentialHeaders } from './credential-headers.ts';
import { reject, type Verdict } from './verdict.ts';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * The credential's presence and form, from the headers only (lower-case names): a request that
 * cannot possibly be genuine is refused (401, naming the header) before its body is read, so an
 * unauthenticated client costs no memory. The secret itself is checked later, on the raw body.
 */
export function checkCredentialHeaders(
  headers: Readonly<Record<string, string | undefined>>,
  c: CredentialHeaders,
): Verdict {
  const value = headers[c.header]?.trim() ?? '';
  if (c.kind === 'bearer') {
    if (value === '')
      return reject(401, 'WEBHOOK_UNAUTHORIZED', c.header, `missing ${c.header} header (expected: Bearer <token>)`);
    if (!/^Bearer\s+\S+$/i.test(value))
      return reject(401, 'WEBHOOK_UNAUTHORIZED', c.header, `${c.header} header is not "Bearer <token>"`);
    return { ok: true };
  }
  if (value === '')
    return reject(
      401,
      'WEBHOOK_UNAUTHORIZED',
      c.header,
      `missing ${c.header} header (an HMAC-SHA256 signature of the body)`,
    );
  const candidates = value.split(',').map((s) => s.trim());
  if (!candidates.some((s) => s.startsWith(c.prefix) && HEX_SHA256.test(s.slice(c.prefix.length))))
    return reject(
      401,
      'WEBHOOK_UNAUTHORIZED',
      c.header,
      `${c.header} header has no ${c.prefix ? `"${c.prefix}<64 hex digits>"` : '64-hex-digit'} signature`,
    );
  if (c.timestampHeader) {
    const ts = headers[c.timestampHeader]?.trim() ?? '';
    if (ts === '')
      return reject(
        401,
        'WEBHOOK_UNAUTHORIZED',
        c.timestampHeader,
        `missing ${c.timestampHeader} header (a Unix timestamp, signed with the body)`,
      );
    if (!/^\d{1,16}$/.test(ts))
      return reject(
        401,
        'WEBHOOK_UNAUTHORIZED',
        c.timestampHeader,
        `${c.timestampHeader} header is not a Unix timestamp: ${JSON.stringify(ts.slice(0, 40))}`,
      );
  }
  return { ok: true };
}
