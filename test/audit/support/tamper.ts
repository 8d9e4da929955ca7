import type { SqlDb, SqlRow } from '../../../src/adapters/storage/sql/sql-db.ts';
import type { AuditEntry } from '../../../src/core/audit/audit-entry.ts';
import { DEFAULT_AUDIT_OPTIONS } from '../../../src/core/audit/audit-options.ts';
import { canonicalJson } from '../../../src/core/audit/canonical-json.ts';
import { prepareAuditEntry } from '../../../src/core/audit/prepare-audit-entry.ts';
import { recordHash } from '../../../src/core/audit/record-hash.ts';
import { sealRecord } from '../../../src/core/audit/seal-record.ts';
import { signCheckpoint } from '../../../src/core/audit/sign-checkpoint.ts';
import type { JsonObject } from '../../../src/core/model/json-value.ts';

/** The audit columns an attacker with database access can edit. */
export const FIELDS = ['seq', 'at', 'actor', 'action', 'subject', 'data', 'prev_hash', 'hash', 'incident_id'] as const;
export type Field = (typeof FIELDS)[number];

const flip = (hex: string) => (hex[0] === 'a' ? 'b' : 'a') + hex.slice(1);

/** A plausible forged value for a field of a row. */
export function forged(field: Field, row: SqlRow): string | number {
  switch (field) {
    case 'seq':
      return Number(row.seq) + 100_000;
    case 'at':
      return new Date(Date.parse(String(row.at)) + 1).toISOString();
    case 'actor':
      return String(row.actor) === 'slack:UEVIL' ? 'system' : 'slack:UEVIL';
    case 'action':
      return String(row.action) === 'approval.granted' ? 'approval.denied' : 'approval.granted';
    case 'subject':
      return `${String(row.subject)}-x`;
    case 'data':
      return JSON.stringify({ ...JSON.parse(String(row.data)), tampered: true });
    case 'prev_hash':
    case 'hash':
      return flip(String(row[field]));
    case 'incident_id':
      return row.incident_id === null ? 'INC-EVIL' : `${String(row.incident_id)}-x`;
  }
}

/** Sets one field of one record, runs `check`, then puts the original value back. */
export async function withEdit<T>(raw: SqlDb, seq: number, field: Field, check: () => Promise<T>): Promise<T> {
  const row = await raw.get('SELECT * FROM audit_log WHERE seq = $1', [seq]);
  if (!row) throw new Error(`no record ${seq}`);
  const value = forged(field, row);
  await raw.run(`UPDATE audit_log SET ${field} = $1 WHERE seq = $2`, [value, seq]);
  try {
    return await check();
  } finally {
    const where = field === 'seq' ? value : seq;
    await raw.run(`UPDATE audit_log SET ${field} = $1 WHERE seq = $2`, [row[field] as string | number | null, where]);
  }
}

/** Swaps the positions of records `a` and `b` (their sequence numbers). */
export async function swap(raw: SqlDb, a: number, b: number): Promise<void> {
  await raw.run('UPDATE audit_log SET seq = -1 WHERE seq = $1', [a]);
  await raw.run('UPDATE audit_log SET seq = $1 WHERE seq = $2', [a, b]);
  await raw.run('UPDATE audit_log SET seq = $1 WHERE seq = -1', [b]);
}

/**
 * The strongest attack without the key: change record `from`'s data (or apply `change` to the
 * rows), then recompute every later prevHash and hash and the head, so the chain is
 * self-consistent again.
 */
export async function rewriteFrom(
  raw: SqlDb,
  from: number,
  change: (data: Record<string, unknown>) => void,
): Promise<void> {
  const rows = await raw.all('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq', [from - 1]);
  let prevHash = from === 1 ? '0'.repeat(64) : String(rows[0]?.hash);
  for (const r of rows.filter((x) => Number(x.seq) >= from)) {
    let dataJson = String(r.data);
    if (Number(r.seq) === from) {
      const data = JSON.parse(dataJson) as Record<string, unknown>;
      change(data);
      dataJson = canonicalJson(data as JsonObject);
    }
    const unsealed = {
      seq: Number(r.seq),
      at: String(r.at),
      actor: String(r.actor),
      action: String(r.action),
      subject: String(r.subject),
      dataJson,
      prevHash,
    };
    const hash = recordHash(unsealed);
    await raw.run('UPDATE audit_log SET data = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [
      dataJson,
      prevHash,
      hash,
      unsealed.seq,
    ]);
    prevHash = hash;
  }
  const last = rows.at(-1);
  await raw.run('UPDATE audit_head SET hash = $1 WHERE seq = $2', [prevHash, Number(last?.seq)]);
}

/** Replaces the checkpoints from `from` on with ones signed by another key over the current hashes. */
export async function forgeCheckpoints(raw: SqlDb, from: number, otherKey: string): Promise<void> {
  const rows = await raw.all(
    'SELECT c.seq, c.next_seq, l.hash FROM audit_checkpoints c JOIN audit_log l ON l.seq = c.seq WHERE c.seq >= $1',
    [from],
  );
  for (const r of rows) {
    const cp = signCheckpoint(otherKey, { seq: Number(r.seq), hash: String(r.hash), next: Number(r.next_seq) });
    await raw.run('UPDATE audit_checkpoints SET hash = $1, key_id = $2, mac = $3 WHERE seq = $4', [
      cp.hash,
      cp.keyId,
      cp.mac,
      cp.seq,
    ]);
  }
}

/**
 * What an attacker with INSERT rights can do without the key: seal a record of their own after
 * the last stored one (hashes computed the way Causeway does) and insert it, leaving the head.
 */
export async function insertAfterLast(raw: SqlDb, entry: AuditEntry): Promise<number> {
  const last = await raw.get('SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1');
  const prepared = prepareAuditEntry(entry, DEFAULT_AUDIT_OPTIONS);
  if (!prepared.ok) throw new Error(prepared.error);
  const head = { seq: Number(last?.seq ?? 0), hash: String(last?.hash ?? '0'.repeat(64)) };
  const row = sealRecord(head, prepared.value, Date.parse(String(last?.at ?? '2025-01-01T00:00:00Z')) + 1);
  await raw.run(
    `INSERT INTO audit_log (seq, at, actor, action, subject, data, prev_hash, hash, incident_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      row.seq,
      row.at,
      row.actor,
      row.action,
      row.subject,
      row.dataJson,
      row.prevHash,
      row.hash,
      prepared.value.incidentId ?? null,
    ],
  );
  return row.seq;
}

/** A forged approval by someone who never approved, as `insertAfterLast` would add it. */
export const FORGED_APPROVAL: AuditEntry = {
  actor: 'slack:UEVIL',
  action: 'approval.granted',
  subject: 'run:r1/step:1',
  data: { incidentId: 'INC-1', stepHash: 'sha256:evil' },
};
