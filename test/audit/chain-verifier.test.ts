import { describe, expect, it } from 'vitest';
import type { AuditCheckpoint } from '../../src/core/audit/audit-checkpoint.ts';
import { DEFAULT_AUDIT_OPTIONS } from '../../src/core/audit/audit-options.ts';
import type { AuditRow } from '../../src/core/audit/audit-row.ts';
import { createChainVerifier } from '../../src/core/audit/create-chain-verifier.ts';
import { GENESIS_HASH } from '../../src/core/audit/genesis-hash.ts';
import { prepareAuditEntry } from '../../src/core/audit/prepare-audit-entry.ts';
import { sealRecord } from '../../src/core/audit/seal-record.ts';
import { signCheckpoint } from '../../src/core/audit/sign-checkpoint.ts';

const KEY = 'unit-test-checkpoint-key-0123456789abcdef';

/** A chain of `n` rows; checkpoints signed (every record) from `signedFrom` on. */
function chain(n: number, signedFrom = 1): { rows: AuditRow[]; cps: Map<number, AuditCheckpoint> } {
  const rows: AuditRow[] = [];
  const cps = new Map<number, AuditCheckpoint>();
  let head = { seq: 0, hash: GENESIS_HASH };
  for (let i = 0; i < n; i++) {
    const p = prepareAuditEntry(
      { actor: 'system', action: 'message.posted', subject: `m:${i}`, data: { i } },
      DEFAULT_AUDIT_OPTIONS,
    );
    if (!p.ok) throw new Error(p.error);
    const row = sealRecord(head, p.value, Date.UTC(2025, 0, 1) + i);
    rows.push(row);
    if (row.seq >= signedFrom)
      cps.set(row.seq, signCheckpoint(KEY, { seq: row.seq, hash: row.hash, next: row.seq + 1 }));
    head = row;
  }
  return { rows, cps };
}

function run(rows: AuditRow[], cps: Map<number, AuditCheckpoint>, key: string | undefined) {
  const v = createChainVerifier(key);
  for (const r of rows) {
    const broken = v.push(r, cps.get(r.seq));
    if (broken) return { broken, progress: v.progress() };
  }
  const last = rows.at(-1);
  return { broken: v.finish({ seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH }, []), progress: v.progress() };
}

describe('createChainVerifier', () => {
  it('accepts an empty chain, with or without a key', () => {
    expect(run([], new Map(), KEY).broken).toBeUndefined();
    expect(run([], new Map(), undefined).broken).toBeUndefined();
  });

  it('accepts a chain signed only from the record where the key was configured, and says so', () => {
    const { rows, cps } = chain(10, 6);
    const r = run(rows, cps, KEY);
    expect(r.broken).toBeUndefined();
    expect(r.progress).toMatchObject({ records: 10, checkpointsVerified: 5, firstSignedSeq: 6, signedThrough: 10 });
  });

  it('without the key, counts checkpoints as unchecked', () => {
    const { rows, cps } = chain(4);
    expect(run(rows, cps, undefined).progress).toMatchObject({ checkpointsVerified: 0, checkpointsUnchecked: 4 });
  });

  it('names a checkpoint made with a different key', () => {
    const { rows, cps } = chain(5);
    const r3 = rows[2] as AuditRow;
    cps.set(3, signCheckpoint('some-other-key-of-32-characters!!', { seq: 3, hash: r3.hash, next: 4 }));
    const r = run(rows, cps, KEY);
    expect(r.broken).toMatchObject({ seq: 3, kind: 'checkpoint-forged' });
    expect(r.broken?.message).toMatch(/it names key [0-9a-f]{16}; the configured key is [0-9a-f]{16}/);
  });

  it('names a record that appears twice', () => {
    const { rows, cps } = chain(3);
    const r = run([...rows, rows[2] as AuditRow], cps, undefined);
    expect(r.broken).toMatchObject({ seq: 3, kind: 'record-out-of-order' });
  });

  it('names a replaced first record (not starting from the genesis hash)', () => {
    const { rows } = chain(3);
    const first = rows[0] as AuditRow;
    const forged = sealRecord({ seq: 0, hash: 'f'.repeat(64) }, { ...first, incidentId: undefined, payloads: [] }, 0);
    const r = run([forged, ...rows.slice(1)], new Map(), undefined);
    expect(r.broken).toMatchObject({ seq: 1, kind: 'prev-hash-mismatch' });
  });
});
