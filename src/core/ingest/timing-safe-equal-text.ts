import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// A per-process key: both sides are hashed to equal length, so neither the content nor the
// length of the secret leaks through the comparison time.
const KEY = randomBytes(32);

/** Constant-time equality of two strings (of any lengths). */
export function timingSafeEqualText(a: string, b: string): boolean {
  const x = createHmac('sha256', KEY).update(a, 'utf8').digest();
  const y = createHmac('sha256', KEY).update(b, 'utf8').digest();
  return timingSafeEqual(x, y) && a.length === b.length;
}
