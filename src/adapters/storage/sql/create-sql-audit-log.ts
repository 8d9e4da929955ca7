import type { AuditCheckpoint } from '../../../core/audit/audit-checkpoint.ts';
import type { AuditLog } from '../../../core/storage/audit-log.ts';
import type { ChainWriter } from './create-chain-writer.ts';
import type { SqlDb, SqlParam } from './sql-db.ts';
import { toAuditRecord, toAuditRow } from './to-audit-record.ts';

const COLUMNS = 'seq, at, actor, action, subject, data, prev_hash, hash, incident_id';

/** The audit log on either backend. */
export function createSqlAuditLog(db: SqlDb, writer: ChainWriter): AuditLog {
  return {
    async append(entry) {
      const prepared = writer.prepare(entry);
      const { row } = await db.transaction(async (tx) => writer.write(tx, await writer.lockHead(tx), prepared));
      return toAuditRecord(row);
    },
    async head() {
      const h = await db.get('SELECT seq, hash FROM audit_head WHERE id = 1');
      return h ? { seq: Number(h.seq), hash: String(h.hash) } : undefined;
    },
    async rows(from, to, limit) {
      const rows = await db.all(
        `SELECT ${COLUMNS} FROM audit_log WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
        [from, Number.isFinite(to) ? to : Number.MAX_SAFE_INTEGER, limit],
      );
      return rows.map(toAuditRow);
    },
    async checkpoints(from, to) {
      const rows = await db.all(
        'SELECT seq, hash, next_seq, key_id, mac FROM audit_checkpoints WHERE seq >= $1 AND seq <= $2 ORDER BY seq',
        [from, Number.isFinite(to) ? to : Number.MAX_SAFE_INTEGER],
      );
      return rows.map(
        (r): AuditCheckpoint => ({
          seq: Number(r.seq),
          hash: String(r.hash),
          next: Number(r.next_seq),
          keyId: String(r.key_id),
          mac: String(r.mac),
        }),
      );
    },
    async query(q) {
      const where: string[] = [];
      const params: SqlParam[] = [];
      const add = (clause: string, value: SqlParam) => {
        params.push(value);
        where.push(clause.replace('?', `$${params.length}`));
      };
      if (q.incidentId !== undefined) add('incident_id = ?', q.incidentId);
      if (q.since !== undefined) add('at >= ?', q.since);
      if (q.afterSeq !== undefined) add('seq > ?', q.afterSeq);
      if (q.throughSeq !== undefined) add('seq <= ?', q.throughSeq);
      params.push(q.limit ?? 1000);
      const rows = await db.all(
        `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT $${params.length}`,
        params,
      );
      return rows.map((r) => toAuditRecord(toAuditRow(r)));
    },
    async payload(hash) {
      const r = await db.get('SELECT content FROM audit_payloads WHERE hash = $1', [hash]);
      return r ? new Uint8Array(r.content as Uint8Array) : undefined;
    },
  };
}
