import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresDb } from '../../src/adapters/storage/postgres/create-postgres-db.ts';
import { createSqliteDb } from '../../src/adapters/storage/sqlite/create-sqlite-db.ts';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { canonicalJson } from '../../src/core/audit/canonical-json.ts';
import { contentHash } from '../../src/core/audit/content-hash.ts';
import { GENESIS_HASH } from '../../src/core/audit/genesis-hash.ts';
import type { JsonValue } from '../../src/core/model/json-value.ts';
import { writeSampleChain } from '../audit/support/sample-chain.ts';
import { FORGED_APPROVAL, insertAfterLast } from '../audit/support/tamper.ts';
import { BACKENDS, type TestDatabase } from './support/backends.ts';

const KEY = 'test-checkpoint-key-0123456789abcdef';

describe.each(BACKENDS)('audit log contract: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('appends records that chain: seq from 1, prevHash = previous hash, hash = SHA-256(prevHash ‖ canonical JSON)', async () => {
    db = await backend.fresh();
    const s = await db.open();
    expect(await s.audit.head()).toEqual({ seq: 0, hash: GENESIS_HASH });
    const a = await s.audit.append({
      actor: 'webhook:alertmanager',
      action: 'alert.received',
      subject: 'alert:fp1',
      data: { n: 1, labels: { b: '2', a: '1' } },
    });
    const b = await s.audit.append({
      actor: 'slack:U123ABC',
      action: 'incident.joined',
      subject: 'incident:INC-1',
      data: {},
    });
    expect(a.seq).toBe(1);
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.seq).toBe(2);
    expect(b.prevHash).toBe(a.hash);
    for (const r of [a, b]) {
      const { hash, ...rest } = r;
      const independent = createHash('sha256')
        .update(r.prevHash + canonicalJson(rest as unknown as JsonValue))
        .digest('hex');
      expect(hash).toBe(independent);
    }
    expect(a.at).toBe('2025-01-01T00:00:00.001Z');
    expect(await s.audit.head()).toEqual({ seq: 2, hash: b.hash });
    expect(await s.audit.query({})).toEqual([a, b]);
  });

  it('stores any text in data exactly as hashed (control characters, lone surrogates, emoji)', async () => {
    db = await backend.fresh();
    const s = await db.open();
    const odd = { nul: 'a\u0000b', lone: 'x\ud800y', emoji: '🔥 ok', rtl: '\u202edlrow', nl: 'l1\r\nl2' };
    const r = await s.audit.append({ actor: 'system', action: 'message.posted', subject: 'm:🔥', data: odd });
    expect((await s.audit.query({}))[0]).toEqual(r);
    expect((await verifyAudit(s)).ok).toBe(true);
  });

  it('keeps the chain across a reopen, byte for byte', async () => {
    db = await backend.fresh();
    const s1 = await db.open();
    const first = await s1.audit.append({
      actor: 'system',
      action: 'config.loaded',
      subject: 'config',
      data: { hash: 'sha256:00', 'ü-key': 'ünïcødé ✓', n: 1.5, big: 2 ** 40 },
    });
    await s1.close();
    const s2 = await db.open({ clock: () => Date.UTC(2025, 0, 2) });
    const second = await s2.audit.append({ actor: 'llm', action: 'llm.called', subject: 'incident:INC-9', data: {} });
    expect(second.prevHash).toBe(first.hash);
    expect(second.seq).toBe(2);
    const rows = await s2.audit.rows(1, 2, 10);
    expect(rows[0]?.dataJson).toBe(canonicalJson(first.data));
    expect((await s2.audit.query({}))[0]).toEqual(first);
  });

  it('redacts secrets before anything is written: known values, secret keys, secret-shaped text', async () => {
    db = await backend.fresh();
    const s = await db.open({ audit: { knownSecrets: ['hunter2-db-password'] } });
    const r = await s.audit.append({
      actor: 'system',
      action: 'step.finished',
      subject: 'run:r1/step:0',
      data: {
        output: 'connected to postgres://app:hunter2-db-password@db:5432/app; Authorization: Bearer abcdefghijklmnop',
        env: { SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdefabcdef', apiKey: 'k-123456', promptTokens: 412 },
        log: 'export AWS_KEY=AKIAIOSFODNN7EXAMPLE and password=s3cr3t!',
      },
    });
    const text = JSON.stringify(await s.audit.rows(1, 1, 1));
    for (const secret of [
      'hunter2-db-password',
      'abcdefghijklmnop',
      'xoxb-1111',
      'k-123456',
      'AKIAIOSFODNN7EXAMPLE',
      's3cr3t!',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(r.data.env).toEqual({ SLACK_BOT_TOKEN: '[REDACTED]', apiKey: '[REDACTED]', promptTokens: 412 });
    expect(r.data.output).toContain('postgres://app:[REDACTED]@db:5432/app');
    expect(r.data.output).toContain('Bearer [REDACTED]');
  });

  it('stores a large payload once, referenced by its hash, and returns it intact', async () => {
    db = await backend.fresh();
    const s = await db.open({ audit: { inlinePayloadBytes: 1024 } });
    const output = `${'line of command output ✓\n'.repeat(200)}`;
    const a = await s.audit.append({
      actor: 'system',
      action: 'step.finished',
      subject: 'run:r1/step:0',
      data: { output, small: 'x' },
    });
    const b = await s.audit.append({
      actor: 'system',
      action: 'step.finished',
      subject: 'run:r2/step:0',
      data: { output },
    });
    const ref = { $payload: contentHash(output), bytes: Buffer.byteLength(output) };
    expect(a.data).toEqual({ output: ref, small: 'x' });
    expect(b.data).toEqual({ output: ref });
    expect(new TextDecoder().decode(await s.audit.payload(ref.$payload))).toBe(output);
    const raw = await db.raw();
    expect(await raw.get('SELECT COUNT(*) AS n FROM audit_payloads')).toMatchObject({ n: 1 });
    // A caller's own "$payload" key can never pose as a reference.
    const c = await s.audit.append({
      actor: 'system',
      action: 'message.posted',
      subject: 'x',
      data: { $payload: 'sha256:0', bytes: 1 },
    });
    expect(c.data).toEqual({ _$payload: 'sha256:0', bytes: 1 });
  });

  it('with storeFullText false keeps only the hash and size of a large payload', async () => {
    db = await backend.fresh();
    const s = await db.open({ audit: { inlinePayloadBytes: 256, storeFullText: false } });
    const prompt = 'You are an incident assistant. '.repeat(40);
    const r = await s.audit.append({ actor: 'llm', action: 'llm.called', subject: 'incident:INC-1', data: { prompt } });
    expect(r.data.prompt).toEqual({ $payload: contentHash(prompt), bytes: prompt.length, stored: false });
    expect(await s.audit.payload(contentHash(prompt))).toBeUndefined();
  });

  it('finds records by incident (data.incidentId or an incident: subject), by time and by page', async () => {
    db = await backend.fresh();
    const s = await db.open();
    await s.audit.append({ actor: 'system', action: 'incident.opened', subject: 'incident:INC-1', data: {} });
    await s.audit.append({
      actor: 'system',
      action: 'evidence.queried',
      subject: 'source:logs',
      data: { incidentId: 'INC-1' },
    });
    await s.audit.append({ actor: 'system', action: 'incident.opened', subject: 'incident:INC-2', data: {} });
    await s.audit.append({
      actor: 'slack:U1',
      action: 'feedback.recorded',
      subject: 'incident:INC-1',
      data: { verdict: 'confirmed' },
    });
    expect((await s.audit.query({ incidentId: 'INC-1' })).map((r) => r.seq)).toEqual([1, 2, 4]);
    expect((await s.audit.query({ since: '2025-01-01T00:00:00.003Z' })).map((r) => r.seq)).toEqual([3, 4]);
    expect((await s.audit.query({ afterSeq: 1, limit: 2 })).map((r) => r.seq)).toEqual([2, 3]);
  });

  it('rejects an unknown action or a malformed actor without writing anything', async () => {
    db = await backend.fresh();
    const s = await db.open();
    await expect(s.audit.append({ actor: 'system', action: 'made.up' as 'llm.called', subject: 'x' })).rejects.toThrow(
      /unknown audit action/,
    );
    await expect(s.audit.append({ actor: 'slack:' as 'system', action: 'llm.called', subject: 'x' })).rejects.toThrow(
      /malformed actor/,
    );
    await expect(s.audit.append({ actor: 'system', action: 'llm.called', subject: '' })).rejects.toThrow(/subject/);
    await expect(s.audit.append({ actor: 'system', action: 'llm.called', subject: 'a\u0000b' })).rejects.toThrow(
      /printable/,
    );
    await expect(s.audit.append({ actor: 'system', action: 'llm.called', subject: 'a\ud800' })).rejects.toThrow(
      /printable/,
    );
    expect((await s.audit.head())?.seq).toBe(0);
  });

  it('signs a checkpoint every N records when a key is set, promising the next', async () => {
    db = await backend.fresh();
    const s = await db.open({ audit: { checkpointKey: KEY, checkpointEvery: 3 } });
    for (let i = 0; i < 7; i++) await s.audit.append({ actor: 'system', action: 'message.posted', subject: `m:${i}` });
    const cps = await s.audit.checkpoints(1, Number.POSITIVE_INFINITY);
    expect(cps.map((c) => [c.seq, c.next])).toEqual([
      [1, 4],
      [4, 7],
      [7, 10],
    ]);
    const rows = await s.audit.rows(1, 7, 10);
    expect(cps.map((c) => c.hash)).toEqual([rows[0]?.hash, rows[3]?.hash, rows[6]?.hash]);
  });

  it('is append-only in the database itself: UPDATE and DELETE of records are refused', async () => {
    db = await backend.fresh();
    const s = await db.open({ audit: { checkpointKey: KEY } });
    await s.audit.append({ actor: 'system', action: 'config.loaded', subject: 'config' });
    // A plain connection, triggers untouched.
    const plain =
      backend.name === 'sqlite'
        ? createSqliteDb(db.url.slice('sqlite:'.length))
        : createPostgresDb(db.url, { poolSize: 1 });
    try {
      await expect(plain.run("UPDATE audit_log SET subject = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
      await expect(plain.run('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
      await expect(plain.run('DELETE FROM audit_checkpoints')).rejects.toThrow(/append-only/);
    } finally {
      await plain.close();
    }
  });

  it('refuses to append after a record inserted past the head, saying the log was tampered with', async () => {
    db = await backend.fresh();
    const s = await db.open({ audit: { checkpointKey: KEY } });
    await writeSampleChain(s);
    await insertAfterLast(await db.raw(), FORGED_APPROVAL);
    const appended = s.audit.append({ actor: 'system', action: 'config.loaded', subject: 'config' });
    await expect(appended).rejects.toThrow(
      'AUDIT_CHAIN_BROKEN: the audit log was tampered with: record #21 is past the chain head (#20): it was inserted outside Causeway, or the head was moved back; nothing was written (run causeway audit verify)',
    );
    expect((await s.audit.head())?.seq).toBe(20);
  });

  it('serialises concurrent appends from one process into one linear chain', async () => {
    db = await backend.fresh();
    const s = await db.open({ audit: { checkpointKey: KEY } });
    const records = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        s.audit.append({ actor: 'system', action: 'message.posted', subject: `m:${i}` }),
      ),
    );
    expect(new Set(records.map((r) => r.seq)).size).toBe(200);
    const rows = await s.audit.rows(1, 200, 500);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
  });
});
