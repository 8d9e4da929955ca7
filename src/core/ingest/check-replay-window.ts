import { reject, type Verdict } from './verdict.ts';

/**
 * A signed timestamp (seconds or milliseconds since the epoch, as text) must be within `windowMs`
 * of the receive time, either way: an older delivery is a replay, a much newer one a forgery or a
 * broken clock. `field` names the header for the message.
 */
export function checkReplayWindow(
  raw: string | undefined,
  receivedAt: number,
  windowMs: number,
  field: string,
): Verdict {
  if (raw === undefined || raw.trim() === '')
    return reject(
      401,
      'WEBHOOK_UNAUTHORIZED',
      field,
      `missing ${field} header (a Unix timestamp, signed with the body)`,
    );
  if (!/^\d{1,16}$/.test(raw.trim()))
    return reject(
      401,
      'WEBHOOK_UNAUTHORIZED',
      field,
      `${field} header is not a Unix timestamp: ${JSON.stringify(raw.slice(0, 40))}`,
    );
  const n = Number(raw.trim());
  const ms = n < 1e11 ? n * 1000 : n;
  const skew = receivedAt - ms;
  if (Math.abs(skew) > windowMs) {
    const secs = Math.round(skew / 1000);
    return reject(
      401,
      'WEBHOOK_REPLAYED',
      field,
      `${field} is ${Math.abs(secs)} s ${secs >= 0 ? 'old' : 'in the future'}; deliveries are accepted within ${windowMs / 1000} s (replay protection)`,
    );
  }
  return { ok: true };
}
