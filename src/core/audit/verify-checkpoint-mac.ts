import { timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of two hex MACs. */
export function verifyCheckpointMac(expected: string, actual: string): boolean {
  if (expected.length !== actual.length) return false;
  const enc = new TextEncoder();
  return timingSafeEqual(enc.encode(expected), enc.encode(actual));
}
