import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDb } from '../../src/adapters/storage/sql/sql-db.ts';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { BACKENDS, type TestDatabase } from '../storage/support/backends.ts';
import { writeSampleChain } from './support/sample-chain.ts';
import { FIELDS, forgeCheckpoints, rewriteFrom, swap, withEdit } from './support/tamper.ts';

const KEY = 'tamper-test-checkpoint-key-0123456789';
const OTHER_KEY = 'an-attackers-own-key-000000000000000000';

describe.each(BACKENDS)('tamper evidence: $name', (backend) => {
  let db: TestDatabase;
  let storage: Storage;
  let raw: SqlDb;
  let n = 0;
  const verify = (key: string | undefined = KEY) => verifyAudit(storage, { key });

  beforeAll(async () => {
    db = await backend.fresh();
    storage = await db.open({ audit: { checkpointKey: KEY, inlinePayloadBytes: 1024 } });
    n = await writeSampleChain(storage);
    raw = await db.raw();
  });
  afterAll(async () => db?.cleanup());

  it('an untouched chain verifies, with every record signed', async () => {
    const v = await verify();
    expect(v).toMatchObject({
      ok: true,
      records: n,
      lastSeq: n,
      checkpointsVerified: n,
      signedThrough: n,
      payloadsChecked: 1,
    });
    expect((await verify(undefined)).ok).toBe(true);
  });

  it('editing any field of any record is detected, naming that record', async () => {
    const missed: string[] = [];
    for (let seq = 1; seq <= n; seq++) {
      for (const field of FIELDS) {
        const v = await withEdit(raw, seq, field, () => verify());
        if (v.ok || v.broken?.seq !== seq) missed.push(`#${seq}.${field}: ${v.broken?.message ?? 'verified'}`);
        else if (field === 'seq') expect(['record-missing', 'records-truncated']).toContain(v.broken.kind);
        else expect(v.broken.kind).toBe('hash-mismatch');
      }
    }
    expect(missed).toEqual([]);
    expect((await verify()).ok).toBe(true);
  });

  it('without the key too, a plain edit is detected by the hashes alone', async () => {
    const v = await withEdit(raw, 7, 'data', () => verify(undefined));
    expect(v.broken).toMatchObject({ seq: 7, kind: 'hash-mismatch' });
    expect(v.broken?.message).toBe(
      'record #7 does not match its hash: a field (or the hash) was edited after it was written',
    );
  });

  it('deleting a record is detected, naming it: first, middle, last', async () => {
    for (const seq of [1, 9, n]) {
      const row = await raw.get('SELECT * FROM audit_log WHERE seq = $1', [seq]);
      await raw.run('DELETE FROM audit_log WHERE seq = $1', [seq]);
      const v = await verify();
      expect(v.broken?.seq, `deleting #${seq}`).toBe(seq);
      expect(v.broken?.kind).toBe(seq === n ? 'records-truncated' : 'record-missing');
      expect(v.broken?.message).toContain(`record #${seq}`);
      const cols = Object.keys(row ?? {});
      await raw.run(
        `INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
        cols.map((c) => (row as Record<string, string | number | null>)[c] ?? null),
      );
    }
    expect((await verify()).ok).toBe(true);
  });

  it('deleting the last record and rolling the head back is still caught by its checkpoint', async () => {
    const row = await raw.get('SELECT * FROM audit_log WHERE seq = $1', [n]);
    const prev = await raw.get('SELECT hash FROM audit_log WHERE seq = $1', [n - 1]);
    await raw.run('DELETE FROM audit_log WHERE seq = $1', [n]);
    await raw.run('UPDATE audit_head SET seq = $1, hash = $2', [n - 1, String(prev?.hash)]);
    const v = await verify();
    expect(v.broken).toMatchObject({ seq: n, kind: 'records-truncated' });
    expect(v.broken?.message).toContain(`checkpoint at #${n}`);
    const cols = Object.keys(row ?? {});
    await raw.run(
      `INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
      cols.map((c) => (row as Record<string, string | number | null>)[c] ?? null),
    );
    await raw.run('UPDATE audit_head SET seq = $1, hash = $2', [n, String(row?.hash)]);
    expect((await verify()).ok).toBe(true);
  });

  it('reordering two records is detected at the first of them', async () => {
    for (const [a, b] of [
      [1, 2],
      [10, 11],
      [n - 1, n],
    ] as const) {
      await swap(raw, a, b);
      const v = await verify();
      expect(v.broken, `swapping #${a} and #${b}`).toMatchObject({ seq: a, kind: 'hash-mismatch' });
      await swap(raw, a, b);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('altering or deleting a stored payload is detected at the record that references it', async () => {
    const ref = await raw.get("SELECT seq FROM audit_log WHERE data LIKE '%$payload%'");
    const seq = Number(ref?.seq);
    const p = await raw.get('SELECT hash, content FROM audit_payloads');
    const content = p?.content as Uint8Array;
    const altered = new Uint8Array(content);
    altered[0] = (altered[0] ?? 0) ^ 1;
    await raw.run('UPDATE audit_payloads SET content = $1 WHERE hash = $2', [altered, String(p?.hash)]);
    expect((await verify()).broken).toMatchObject({ seq, kind: 'payload-altered' });
    await raw.run('DELETE FROM audit_payloads WHERE hash = $1', [String(p?.hash)]);
    expect((await verify()).broken).toMatchObject({ seq, kind: 'payload-missing' });
    await raw.run('INSERT INTO audit_payloads (hash, bytes, content) VALUES ($1, $2, $3)', [
      String(p?.hash),
      content.length,
      content,
    ]);
    expect((await verify()).ok).toBe(true);
  });
});

describe.each(BACKENDS)(
  'a chain rewritten with recomputed hashes (the key never leaves the writers): $name',
  (backend) => {
    let db: TestDatabase;
    let storage: Storage;
    let raw: SqlDb;
    let n = 0;

    const fresh = async (every: number) => {
      await db?.cleanup();
      db = await backend.fresh();
      storage = await db.open({ audit: { checkpointKey: KEY, checkpointEvery: every } });
      n = await writeSampleChain(storage);
      raw = await db.raw();
    };
    afterAll(async () => db?.cleanup());

    it('passes the hash checks, but not the signed checkpoints: the rewritten record is named', async () => {
      for (const seq of [1, 8, 20]) {
        await fresh(1);
        await rewriteFrom(raw, seq, (d) => {
          d.verdict = 'rejected';
        });
        expect((await verifyAudit(storage, {})).ok, 'without the key the rewrite is invisible').toBe(true);
        const v = await verifyAudit(storage, { key: KEY });
        expect(v.broken, `rewrite from #${seq}`).toMatchObject({ seq, kind: 'checkpoint-mismatch' });
        expect(v.broken?.message).toMatch(new RegExp(`^record #${seq} was rewritten after signing`));
      }
    });

    it('deleting the checkpoints from the rewritten record on breaks the last checkpoint promise', async () => {
      await fresh(1);
      await rewriteFrom(raw, 12, (d) => {
        d.stepHash = 'sha256:evil';
      });
      await raw.run('DELETE FROM audit_checkpoints WHERE seq >= 12');
      expect((await verifyAudit(storage, { key: KEY })).broken).toMatchObject({ seq: 12, kind: 'checkpoint-missing' });
      await raw.run('DELETE FROM audit_checkpoints');
      expect((await verifyAudit(storage, { key: KEY })).broken).toMatchObject({ seq: 1, kind: 'checkpoints-absent' });
    });

    it('re-signing the checkpoints with another key is detected as forged, naming the record', async () => {
      await fresh(1);
      await rewriteFrom(raw, 5, (d) => {
        d.summary = 'nothing to see';
      });
      await forgeCheckpoints(raw, 5, OTHER_KEY);
      const v = await verifyAudit(storage, { key: KEY });
      expect(v.broken).toMatchObject({ seq: 5, kind: 'checkpoint-forged' });
      expect(v.broken?.message).toContain('invalid signature');
    });

    it('with a checkpoint every 5 records, the rewritten span up to the next checkpoint is named', async () => {
      await fresh(5);
      await rewriteFrom(raw, 7, (d) => {
        d.tampered = true;
      });
      const v = await verifyAudit(storage, { key: KEY });
      expect(v.broken).toMatchObject({ seq: 11, kind: 'checkpoint-mismatch' });
      expect(v.broken?.message).toMatch(/^records #7\.\.#11 were rewritten after signing/);
      expect(n).toBe(20);
    });
  },
);
