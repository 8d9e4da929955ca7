import { hash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality of two strings of any lengths: both are hashed (SHA-256) to equal-length
 * digests first, so neither the content nor the length of a secret leaks through the comparison time.
 */
export function timingSafeEqualText(a: string, b: string): boolean {
  const x = hash('sha256', a, 'buffer');
  const y = hash('sha256', b, 'buffer');
  return timingSafeEqual(x, y) && a.length === b.length;
}
