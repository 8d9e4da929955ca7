import { createHmac } from 'node:crypto';

/** Lower-case hex HMAC-SHA256 of `parts` (concatenated, bytes as they are) under `secret`. */
export function hmacSha256Hex(secret: string, ...parts: readonly (string | Uint8Array)[]): string {
  const h = createHmac('sha256', secret);
  for (const p of parts) h.update(p);
  return h.digest('hex');
}
