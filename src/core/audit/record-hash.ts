import { hash } from 'node:crypto';
import type { AuditRow } from './audit-row.ts';
import { canonicalRecordText } from './canonical-record-text.ts';

/** `SHA-256(prevHash ‖ canonical JSON of the record without hash)`, lowercase hex. */
export function recordHash(r: Omit<AuditRow, 'hash' | 'incidentId'>): string {
  return hash('sha256', r.prevHash + canonicalRecordText(r), 'hex');
}
