import type { SqlDb, SqlParam } from '../../src/adapters/storage/sql/sql-db.ts';
import { DEFAULT_AUDIT_OPTIONS } from '../../src/core/audit/audit-options.ts';
import { GENESIS_HASH } from '../../src/core/audit/genesis-hash.ts';
import { prepareAuditEntry } from '../../src/core/audit/prepare-audit-entry.ts';
import { sealRecord } from '../../src/core/audit/seal-record.ts';
import { signCheckpoint } from '../../src/core/audit/sign-checkpoint.ts';
import { benchEntry } from './bench-entry.ts';

/**
 * Writes a valid chain of `n` records (each signed by a checkpoint) straight into an empty,
 * migrated database with multi-row inserts: a quick way to get a big chain to verify.
 */
export async function bulkLoadChain(db: SqlDb, n: number, key: string): Promise<void> {
  let head = { seq: 0, hash: GENESIS_HASH };
  const batch = 1000;
  await db.transaction(async (tx) => {
    for (let from = 0; from < n; from += batch) {
      const rows: SqlParam[] = [];
      const cps: SqlParam[] = [];
      const count = Math.min(batch, n - from);
      for (let i = 0; i < count; i++) {
        const p = prepareAuditEntry(benchEntry(from + i), DEFAULT_AUDIT_OPTIONS);
        if (!p.ok) throw new Error(p.error);
        const r = sealRecord(head, p.value, Date.UTC(2025, 0, 1) + from + i);
        const cp = signCheckpoint(key, { seq: r.seq, hash: r.hash, next: r.seq + 1 });
        rows.push(
          r.seq,
          r.at,
          r.actor,
          r.action,
          r.subject,
          r.dataJson,
          r.prevHash,
          r.hash,
          p.value.incidentId ?? null,
        );
        cps.push(cp.seq, cp.hash, cp.next, cp.keyId, cp.mac);
        head = r;
      }
      const values = (cols: number) =>
        Array.from(
          { length: count },
          (_, i) => `(${Array.from({ length: cols }, (_, c) => `$${i * cols + c + 1}`).join(', ')})`,
        ).join(', ');
      await tx.run(
        `INSERT INTO audit_log (seq, at, actor, action, subject, data, prev_hash, hash, incident_id) VALUES ${values(9)}`,
        rows,
      );
      await tx.run(`INSERT INTO audit_checkpoints (seq, hash, next_seq, key_id, mac) VALUES ${values(5)}`, cps);
    }
    await tx.run('UPDATE audit_head SET seq = $1, hash = $2, checkpoint_next = $3 WHERE id = 1', [
      head.seq,
      head.hash,
      head.seq + 1,
    ]);
  });
}
