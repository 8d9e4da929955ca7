import type { AuditVerification } from './audit-verification.ts';

/**
 * The last record a verification vouches for: the whole chain when intact; before a break, the
 * records before it — and with a signature failure only those a valid checkpoint covers, since
 * the records between the last good checkpoint and the failing one may be the rewritten ones.
 */
export function verifiedThrough(v: AuditVerification): number {
  if (!v.broken) return v.lastSeq;
  const before = Math.min(v.lastSeq, v.broken.seq - 1);
  const signed = ['checkpoint-forged', 'checkpoint-mismatch', 'checkpoint-missing'];
  return signed.includes(v.broken.kind) ? Math.min(before, v.signedThrough ?? 0) : before;
}
