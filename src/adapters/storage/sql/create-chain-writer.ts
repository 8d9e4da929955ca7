import type { AuditEntry } from '../../../core/audit/audit-entry.ts';
import type { AuditOptions } from '../../../core/audit/audit-options.ts';
import type { AuditRow } from '../../../core/audit/audit-row.ts';
import { headMissing } from '../../../core/audit/head-missing.ts';
import { prepareAuditEntry } from '../../../core/audit/prepare-audit-entry.ts';
import type { PreparedEntry } from '../../../core/audit/prepared-entry.ts';
import { recordPastHead } from '../../../core/audit/record-past-head.ts';
import { sealRecord } from '../../../core/audit/seal-record.ts';
import { signCheckpoint } from '../../../core/audit/sign-checkpoint.ts';
import type { ChainHead } from './chain-head.ts';
import type { SqlDb, SqlExecutor } from './sql-db.ts';

/** Appends records inside a caller's transaction (so an effect row and its audit record commit together). */
export type ChainWriter = {
  /** Checks, redacts and splits off payloads; throws on a malformed entry (a programming error). */
  prepare(entry: AuditEntry): PreparedEntry;
  /** Reads the head, locking it until the transaction ends: appenders queue here. */
  lockHead(tx: SqlExecutor): Promise<ChainHead>;
  /** Seals and writes one record after `head`; returns it and the new head. */
  write(tx: SqlExecutor, head: ChainHead, entry: PreparedEntry): Promise<{ row: AuditRow; head: ChainHead }>;
};

export function createChainWriter(db: SqlDb, options: AuditOptions, clock: () => number): ChainWriter {
  // The last stored record comes along (one index probe): a record past the head was not written
  // by Causeway, and appending over it would only fail on the primary key.
  const lockSql = `SELECT seq, hash, checkpoint_next, (SELECT MAX(seq) FROM audit_log) AS last_seq
    FROM audit_head WHERE id = 1${db.forUpdate}`;
  const payloadSql =
    'INSERT INTO audit_payloads (hash, bytes, content) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING';
  const recordSql = `INSERT INTO audit_log (seq, at, actor, action, subject, data, prev_hash, hash, incident_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
  const checkpointSql = 'INSERT INTO audit_checkpoints (seq, hash, next_seq, key_id, mac) VALUES ($1, $2, $3, $4, $5)';
  const headSql = 'UPDATE audit_head SET seq = $1, hash = $2, checkpoint_next = $3 WHERE id = 1';
  const key = options.checkpointKey;
  const every = Math.max(1, Math.trunc(options.checkpointEvery));

  return {
    prepare(entry) {
      const prepared = prepareAuditEntry(entry, options);
      if (!prepared.ok) throw new TypeError(`audit.append: ${prepared.error}`);
      return prepared.value;
    },
    async lockHead(tx) {
      const h = await tx.get(lockSql);
      if (!h) {
        throw new Error(
          `AUDIT_CHAIN_BROKEN: the audit log was tampered with: ${headMissing(1).message}; nothing was written (run causeway audit verify)`,
        );
      }
      if (h.last_seq !== null && Number(h.last_seq) > Number(h.seq)) {
        const past = recordPastHead(Number(h.last_seq), Number(h.seq));
        throw new Error(
          `AUDIT_CHAIN_BROKEN: the audit log was tampered with: ${past.message}; nothing was written (run causeway audit verify)`,
        );
      }
      return {
        seq: Number(h.seq),
        hash: String(h.hash),
        checkpointNext: h.checkpoint_next === null ? null : Number(h.checkpoint_next),
      };
    },
    async write(tx, head, entry) {
      const row = sealRecord(head, entry, clock());
      for (const p of entry.payloads) await tx.run(payloadSql, [p.hash, p.content.length, p.content]);
      let next = head.checkpointNext;
      const cp =
        key !== undefined && (next === null || row.seq >= next)
          ? signCheckpoint(key, { seq: row.seq, hash: row.hash, next: row.seq + every })
          : undefined;
      if (cp) next = cp.next;
      const record = [
        row.seq,
        row.at,
        row.actor,
        row.action,
        row.subject,
        row.dataJson,
        row.prevHash,
        row.hash,
        row.incidentId,
      ];
      if (db.dialect === 'postgres') {
        // One round trip while the head is locked: record, checkpoint and head in one statement.
        await tx.run(
          cp
            ? `WITH r AS (${recordSql}), c AS (INSERT INTO audit_checkpoints (seq, hash, next_seq, key_id, mac)
                 VALUES ($1, $8, $10, $11, $12)) UPDATE audit_head SET seq = $1, hash = $8, checkpoint_next = $10 WHERE id = 1`
            : `WITH r AS (${recordSql}) UPDATE audit_head SET seq = $1, hash = $8, checkpoint_next = $10 WHERE id = 1`,
          cp ? [...record, cp.next, cp.keyId, cp.mac] : [...record, next],
        );
      } else {
        await tx.run(recordSql, record);
        if (cp) await tx.run(checkpointSql, [cp.seq, cp.hash, cp.next, cp.keyId, cp.mac]);
        await tx.run(headSql, [row.seq, row.hash, next]);
      }
      return { row, head: { seq: row.seq, hash: row.hash, checkpointNext: next } };
    },
  };
}
