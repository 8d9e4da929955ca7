import type { AuditRow } from './audit-row.ts';

/**
 * The canonical JSON of a record without its hash — keys in sorted order (action, actor, at,
 * data, prevHash, seq, subject) — built from the stored canonical `data` text. Equal to
 * `canonicalJson({...record, hash: undefined})` when `dataJson` is canonical.
 */
export function canonicalRecordText(r: Omit<AuditRow, 'hash' | 'incidentId'>): string {
  return (
    '{"action":' +
    JSON.stringify(r.action) +
    ',"actor":' +
    JSON.stringify(r.actor) +
    ',"at":' +
    JSON.stringify(r.at) +
    ',"data":' +
    r.dataJson +
    ',"prevHash":' +
    JSON.stringify(r.prevHash) +
    ',"seq":' +
    JSON.stringify(r.seq) +
    ',"subject":' +
    JSON.stringify(r.subject) +
    '}'
  );
}
