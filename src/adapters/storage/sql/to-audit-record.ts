import type { AuditRecord } from '../../../core/audit/audit-record.ts';
import type { AuditRow } from '../../../core/audit/audit-row.ts';
import type { SqlRow } from './sql-db.ts';

/** A stored `audit_log` row as the raw row verification hashes. */
export function toAuditRow(r: SqlRow): AuditRow {
  return {
    seq: Number(r.seq),
    at: String(r.at),
    actor: String(r.actor),
    action: String(r.action),
    subject: String(r.subject),
    dataJson: String(r.data),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
    incidentId: r.incident_id === null || r.incident_id === undefined ? null : String(r.incident_id),
  };
}

/** A raw row as the record features see (data parsed). */
export function toAuditRecord(r: AuditRow): AuditRecord {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor as AuditRecord['actor'],
    action: r.action as AuditRecord['action'],
    subject: r.subject,
    data: JSON.parse(r.dataJson) as AuditRecord['data'],
    prevHash: r.prevHash,
    hash: r.hash,
  };
}
