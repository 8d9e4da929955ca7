import { timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of two hex MACs. */
export function verifyCheckpointMac(expected: string, actual: string): boolean {
  if (expected.length !== actual.length) return false;
  const a = Buffer.from(expected, 'latin1');
  const b = Buffer.from(actual, 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}
