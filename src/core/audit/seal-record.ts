import type { AuditRow } from './audit-row.ts';
import type { PreparedEntry } from './prepared-entry.ts';
import { recordHash } from './record-hash.ts';

/** Gives a prepared entry its place in the chain: the next sequence number, the time, the hashes. */
export function sealRecord(
  head: { readonly seq: number; readonly hash: string },
  entry: PreparedEntry,
  atMs: number,
): AuditRow {
  const unsealed = {
    seq: head.seq + 1,
    at: new Date(atMs).toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    dataJson: entry.dataJson,
    prevHash: head.hash,
  };
  return { ...unsealed, hash: recordHash(unsealed), incidentId: entry.incidentId ?? null };
}
