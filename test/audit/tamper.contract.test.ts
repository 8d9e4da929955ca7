import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { SqlDb } from '../../src/adapters/storage/sql/sql-db.ts';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { BACKENDS, type TestDatabase } from '../storage/support/backends.ts';
import { writeSampleChain } from './support/sample-chain.ts';
import {
  FIELDS,
  FORGED_APPROVAL,
  forgeCheckpoints,
  insertAfterLast,
  rewriteFrom,
  swap,
  withEdit,
} from './support/tamper.ts';

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
        else if (field === 'incident_id') expect(v.broken.kind).toBe('incident-mismatch');
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

  it('a record inserted past the chain head is refused, with the key and without', async () => {
    const seq = await insertAfterLast(raw, FORGED_APPROVAL);
    expect(seq).toBe(n + 1);
    try {
      for (const key of [KEY, undefined]) {
        const v = await verify(key);
        expect(v.ok, `key ${key ? 'set' : 'unset'}`).toBe(false);
        expect(v.broken).toMatchObject({ seq: n + 1, kind: 'record-past-head' });
        expect(v.broken?.message).toBe(
          `record #${n + 1} is past the chain head (#${n}): it was inserted outside Causeway, or the head was moved back`,
        );
        expect(v.records).toBe(n);
      }
    } finally {
      await raw.run('DELETE FROM audit_log WHERE seq = $1', [seq]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('lowering the chain head does not hide the records after it', async () => {
    const low = await raw.get('SELECT seq, hash FROM audit_log WHERE seq = $1', [n - 3]);
    const head = await raw.get('SELECT seq, hash FROM audit_head WHERE id = 1');
    await raw.run('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [n - 3, String(low?.hash)]);
    try {
      for (const key of [KEY, undefined]) {
        expect((await verify(key)).broken).toMatchObject({ seq: n - 2, kind: 'record-past-head' });
      }
    } finally {
      await raw.run('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [Number(head?.seq), String(head?.hash)]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('a deleted chain head row is reported as such, after every record was checked', async () => {
    const head = await raw.get('SELECT seq, hash, checkpoint_next FROM audit_head WHERE id = 1');
    await raw.run('DELETE FROM audit_head');
    try {
      expect(await storage.audit.head()).toBeUndefined();
      const v = await verify();
      expect(v.broken).toMatchObject({ seq: n + 1, kind: 'head-missing' });
      expect(v.broken?.message).toBe(
        'the chain head row (audit_head) is missing: it was deleted outside Causeway, and no record can be appended until it is restored (with the seq and hash of the last record)',
      );
      expect(v.records).toBe(n);
    } finally {
      await raw.run('INSERT INTO audit_head (id, seq, hash, checkpoint_next) VALUES (1, $1, $2, $3)', [
        Number(head?.seq),
        String(head?.hash),
        head?.checkpoint_next === null ? null : Number(head?.checkpoint_next),
      ]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('moving records to another incident is detected: incident_id is derived from the hashed data', async () => {
    const moved = await raw.all("SELECT seq FROM audit_log WHERE incident_id = 'INC-1' ORDER BY seq");
    expect(moved.length).toBeGreaterThan(5);
    await raw.run("UPDATE audit_log SET incident_id = 'INC-2' WHERE incident_id = 'INC-1'");
    try {
      const v = await verify(undefined);
      expect(v.broken).toMatchObject({ seq: Number(moved[0]?.seq), kind: 'incident-mismatch' });
      expect(v.broken?.message).toBe(
        `record #${Number(moved[0]?.seq)} is filed under incident INC-2, but its hashed subject and data say INC-1: its incident_id column was edited (records moved between incidents)`,
      );
    } finally {
      for (const r of moved)
        await raw.run("UPDATE audit_log SET incident_id = 'INC-1' WHERE seq = $1", [Number(r.seq)]);
    }
    const unfiled = await raw.get('SELECT seq FROM audit_log WHERE incident_id = $1', ['INC-2']);
    await raw.run('UPDATE audit_log SET incident_id = NULL WHERE seq = $1', [Number(unfiled?.seq)]);
    try {
      expect((await verify()).broken?.message).toBe(
        `record #${Number(unfiled?.seq)} is filed under no incident, but its hashed subject and data say INC-2: its incident_id column was edited (records moved between incidents)`,
      );
    } finally {
      await raw.run("UPDATE audit_log SET incident_id = 'INC-2' WHERE seq = $1", [Number(unfiled?.seq)]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('an anchor kept elsewhere (HASH@SEQ, or HASH alone) is checked against the chain', async () => {
    const at10 = String((await raw.get('SELECT hash FROM audit_log WHERE seq = 10'))?.hash);
    const anchored = (expectHead: { hash: string; seq?: number }) => verifyAudit(storage, { key: KEY, expectHead });
    expect(await anchored({ hash: at10, seq: 10 })).toMatchObject({ ok: true, anchor: { seq: 10, hash: at10 } });
    expect(await anchored({ hash: at10 })).toMatchObject({ ok: true, anchor: { seq: 10, hash: at10 } });
    const other = `${at10[0] === 'a' ? 'b' : 'a'}${at10.slice(1)}`;
    const wrong = await anchored({ hash: other, seq: 10 });
    expect(wrong.broken).toMatchObject({ seq: 10, kind: 'anchor-mismatch' });
    expect(wrong.broken?.message).toBe(
      `record #10's hash ${at10} is not the anchor's ${other}: the chain was rewritten since the anchor was taken`,
    );
    expect((await anchored({ hash: other })).broken).toMatchObject({ seq: n + 1, kind: 'anchor-mismatch' });
    expect((await anchored({ hash: other })).broken?.message).toBe(
      `no record has the anchor's hash ${other}: the chain was rewritten (or cut short) since the anchor was taken, or the anchor is from another database`,
    );
    const beyond = await anchored({ hash: at10, seq: n + 5 });
    expect(beyond.broken).toMatchObject({ seq: n + 1, kind: 'anchor-mismatch' });
    expect(beyond.broken?.message).toBe(
      `the chain ends at #${n}, before the anchored record #${n + 5}: records were deleted from the end since the anchor was taken`,
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

    it('removing the newest records with their checkpoints and head passes the key, but not an anchor', async () => {
      await fresh(1);
      const anchor = await verifyAudit(storage, { key: KEY });
      expect(anchor.ok).toBe(true);
      const keep = await raw.get('SELECT seq, hash FROM audit_log WHERE seq = $1', [n - 3]);
      await raw.run('DELETE FROM audit_log WHERE seq > $1', [n - 3]);
      await raw.run('DELETE FROM audit_checkpoints WHERE seq > $1', [n - 3]);
      await raw.run('UPDATE audit_head SET seq = $1, hash = $2, checkpoint_next = $3 WHERE id = 1', [
        n - 3,
        String(keep?.hash),
        n - 2,
      ]);
      expect((await verifyAudit(storage, { key: KEY })).ok, 'invisible from inside the database').toBe(true);
      const v = await verifyAudit(storage, { key: KEY, expectHead: { hash: anchor.lastHash, seq: anchor.lastSeq } });
      expect(v.broken).toMatchObject({ seq: n - 2, kind: 'anchor-mismatch' });
      expect(v.broken?.message).toContain(`the chain ends at #${n - 3}, before the anchored record #${n}`);
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

describe.each(BACKENDS)('verifying while Causeway appends: $name', (backend) => {
  let db: TestDatabase;
  afterAll(async () => db?.cleanup());

  it('records appended during the walk are never taken for records past the head', async () => {
    db = await backend.fresh();
    const storage = await db.open({ audit: { checkpointKey: KEY } });
    await writeSampleChain(storage);
    let appending = true;
    const appender = (async () => {
      for (let i = 0; appending && i < 400; i++) {
        await storage.audit.append({ actor: 'system', action: 'message.posted', subject: `m:${i}`, data: { i } });
      }
    })();
    const runs = [];
    for (let i = 0; i < 8; i++) runs.push(await verifyAudit(storage, { key: KEY, batch: 3 }));
    appending = false;
    await appender;
    expect(runs.filter((v) => !v.ok).map((v) => v.broken?.message)).toEqual([]);
    expect(new Set(runs.map((v) => v.lastSeq)).size, 'the chain grew between the walks').toBeGreaterThan(1);
    expect((await verifyAudit(storage, { key: KEY })).ok).toBe(true);
  });

  it('a record committed between the read of a batch and the read of its checkpoints is seen with its checkpoint', async () => {
    const own = await backend.fresh();
    onTestFinished(async () => own.cleanup());
    const storage = await own.open({ audit: { checkpointKey: KEY } });
    await writeSampleChain(storage);
    // The worst interleaving, made certain: the first read of records past the head waits for an
    // append to commit, so a checkpoint query issued alongside it (not after it) misses that record's checkpoint.
    const head = await storage.audit.head();
    let appended = false;
    const audit = {
      ...storage.audit,
      rows: async (from: number, through: number, limit: number) => {
        if (!appended && head && from + limit > head.seq) {
          appended = true;
          await storage.audit.append({ actor: 'system', action: 'message.posted', subject: 'm:late', data: {} });
        }
        return storage.audit.rows(from, through, limit);
      },
    };
    const v = await verifyAudit({ audit }, { key: KEY, batch: 3 });
    expect(appended).toBe(true);
    expect(v.broken?.message).toBeUndefined();
    expect(v.lastSeq).toBe((head?.seq ?? 0) + 1);
  });
});
