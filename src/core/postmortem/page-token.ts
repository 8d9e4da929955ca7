import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Result } from '../result/result.ts';

/** Why a page token was refused. */
export type PageTokenRefusal = 'malformed' | 'forged' | 'expired';

const TOKEN = /^([1-9][0-9]{0,12})\.([A-Za-z0-9_-]{43})$/;

function mac(key: string, incidentId: string, expiresAtSeconds: number): Buffer {
  return createHmac('sha256', key).update(`causeway-incident-page:v1\n${incidentId}\n${expiresAtSeconds}`).digest();
}

/**
 * A link token for one incident's page: `<expiry, epoch seconds>.<base64url HMAC-SHA256 of the
 * incident id and the expiry>`. It opens that incident's page (and its chart) until it expires;
 * no other incident's.
 */
export function signPageToken(key: string, incidentId: string, expiresAtMs: number): string {
  const exp = Math.ceil(expiresAtMs / 1000);
  return `${exp}.${mac(key, incidentId, exp).toString('base64url')}`;
}

/** Checks a page token for `incidentId` at `nowMs`: the MAC compared in constant time, then the expiry. */
export function verifyPageToken(
  key: string,
  incidentId: string,
  token: string,
  nowMs: number,
): Result<{ readonly expiresAtMs: number }, PageTokenRefusal> {
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, error: 'malformed' };
  const exp = Number(m[1]);
  const given = Buffer.from(m[2] as string, 'base64url');
  const want = mac(key, incidentId, exp);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return { ok: false, error: 'forged' };
  if (exp * 1000 <= nowMs) return { ok: false, error: 'expired' };
  return { ok: true, value: { expiresAtMs: exp * 1000 } };
}
