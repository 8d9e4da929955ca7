import { createHmac } from 'node:crypto';
import type { AuditCheckpoint } from './audit-checkpoint.ts';
import { checkpointKeyId } from './checkpoint-key-id.ts';

/** Signs "record `seq` has hash `hash`; the next checkpoint is at `next`" with the key. */
export function signCheckpoint(key: string, at: { seq: number; hash: string; next: number }): AuditCheckpoint {
  const keyId = checkpointKeyId(key);
  return { seq: at.seq, hash: at.hash, next: at.next, keyId, mac: checkpointMac(key, { ...at, keyId }) };
}

/** The HMAC-SHA256 (hex) of a checkpoint's signed fields. */
export function checkpointMac(key: string, c: Omit<AuditCheckpoint, 'mac'>): string {
  // canonicalJson({hash, keyId, next, seq}), written out: this runs once per record on verify.
  const text = `{"hash":${JSON.stringify(c.hash)},"keyId":${JSON.stringify(c.keyId)},"next":${JSON.stringify(c.next)},"seq":${JSON.stringify(c.seq)}}`;
  return createHmac('sha256', key).update(text).digest('hex');
}
