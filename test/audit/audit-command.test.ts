import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/adapters/cli/cli-command.ts';
import { runCli } from '../../src/adapters/cli/run-cli.ts';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { canonicalJson } from '../../src/core/audit/canonical-json.ts';
import type { JsonValue } from '../../src/core/model/json-value.ts';
import { buildAuditCommand } from '../../src/runtime/commands/audit.ts';
import { BACKENDS, type TestDatabase } from '../storage/support/backends.ts';
import { testRuntime } from '../support/test-runtime.ts';
import { SAMPLE_ENTRIES, writeSampleChain } from './support/sample-chain.ts';
import { FORGED_APPROVAL, insertAfterLast, withEdit } from './support/tamper.ts';

const KEY = 'cli-test-checkpoint-key-0123456789abcdef';
const NOW = Date.UTC(2025, 0, 1, 0, 10);

async function cli(argv: string[], env: Record<string, string> = { CAUSEWAY_AUDIT_CHECKPOINT_KEY: KEY }) {
  const config = loadConfig({ env });
  if (!config.ok) throw new Error(JSON.stringify(config.error));
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env,
    cwd: '/tmp',
  };
  const code = await runCli(argv, io, [buildAuditCommand(testRuntime(config.value, { now: () => NOW, cwd: '/tmp' }))]);
  return { code, stdout, stderr };
}

describe.each(BACKENDS)('causeway audit verify: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('exits 0 on an intact chain and 1 on a broken one, naming the record and why', async () => {
    db = await backend.fresh();
    const storage = await db.open({ audit: { checkpointKey: KEY, inlinePayloadBytes: 1024 } });
    await writeSampleChain(storage);
    const ok = await cli(['audit', 'verify', '--db', db.url]);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toContain(`audit chain intact: ${SAMPLE_ENTRIES.length} records (#1..#${SAMPLE_ENTRIES.length})`);
    expect(ok.stdout).toContain(
      `signed checkpoints: ${SAMPLE_ENTRIES.length} verified, everything through #20 authenticated`,
    );
    expect(ok.stdout).toContain('payloads: 1 re-hashed, intact');

    const raw = await db.raw();
    const broken = await withEdit(raw, 12, 'actor', () => cli(['audit', 'verify', '--db', db.url]));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('audit chain BROKEN at record #12 (hash-mismatch)');
    expect(broken.stdout).toContain('records #1..#11 verified before the break');
    expect(broken.stderr).toBe(
      'causeway audit: AUDIT_CHAIN_BROKEN: record #12 does not match its hash: a field (or the hash) was edited after it was written\n',
    );
    const json = await withEdit(raw, 3, 'data', () => cli(['audit', 'verify', '--db', db.url, '--json']));
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, broken: { seq: 3, kind: 'hash-mismatch' }, records: 2 });
  });

  it('without a configured key, says the checkpoints were not checked', async () => {
    db = await backend.fresh();
    await writeSampleChain(await db.open({ audit: { checkpointKey: KEY } }));
    const r = await cli(['audit', 'verify', '--db', db.url], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('signed checkpoints: 20 present, not checked (no audit.checkpointKey configured)');
  });
});

describe.each(BACKENDS)('causeway audit anchors and a tampered database: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());
  const seqs = (jsonl: string) =>
    jsonl
      .trimEnd()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l).seq as number);

  it('prints the full head hash, and checks an anchor kept elsewhere with --expect-head HASH[@SEQ]', async () => {
    db = await backend.fresh();
    await writeSampleChain(await db.open({ audit: { checkpointKey: KEY } }));
    const head = String((await (await db.raw()).get('SELECT hash FROM audit_head'))?.hash);
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    const ok = await cli(['audit', 'verify', '--db', db.url]);
    expect(ok.stdout).toContain(`audit chain intact: 20 records (#1..#20), head #20 ${head}\n`);
    expect(ok.stdout).toContain(`keep this anchor elsewhere and check it later with --expect-head ${head}@20\n`);

    for (const anchor of [`${head}@20`, head, head.toUpperCase()]) {
      const r = await cli(['audit', 'verify', '--db', db.url, '--expect-head', anchor]);
      expect(r, anchor).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain(`anchor ${head}@20: matches record #20\n`);
    }
    const wrong = `${head[0] === 'a' ? 'b' : 'a'}${head.slice(1)}`;
    const bad = await cli(['audit', 'verify', '--db', db.url, '--expect-head', `${wrong}@20`]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('audit chain BROKEN at record #20 (anchor-mismatch)');
    expect(bad.stderr).toBe(
      `causeway audit: AUDIT_CHAIN_BROKEN: record #20's hash ${head} is not the anchor's ${wrong}: the chain was rewritten since the anchor was taken\n`,
    );
    const later = await cli(['audit', 'verify', '--db', db.url, '--expect-head', `${head}@25`]);
    expect(later.code).toBe(1);
    expect(later.stderr).toContain('the chain ends at #20, before the anchored record #25');
    for (const malformed of ['abc', `${head}@0`, `${head}@x`, `${head.slice(1)}@3`]) {
      const r = await cli(['audit', 'verify', '--db', db.url, '--expect-head', malformed]);
      expect(r.code, malformed).toBe(2);
      expect(r.stderr).toContain(
        `USAGE: --expect-head "${malformed}" is not HASH or HASH@SEQ (the 64 hex digits of a record's hash, and its record number)`,
      );
    }
    const usage = await cli(['audit', 'export', '--db', db.url, '--format', 'jsonl', '--expect-head', head]);
    expect(usage).toMatchObject({ code: 2, stderr: 'causeway audit: USAGE: --expect-head is an option of verify\n' });
  });

  it('reports a deleted chain head row as such', async () => {
    db = await backend.fresh();
    await writeSampleChain(await db.open({ audit: { checkpointKey: KEY } }));
    await (await db.raw()).run('DELETE FROM audit_head');
    const r = await cli(['audit', 'verify', '--db', db.url]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('record #0');
    expect(r.stdout).toContain('audit chain BROKEN (head-missing): the chain head row (audit_head) is missing');
    expect(r.stdout).toContain('records #1..#20 verified');
    expect(r.stderr).toContain('AUDIT_CHAIN_BROKEN: the chain head row (audit_head) is missing');
  });

  it('show and export print only verified records: a forged record past the head is left out and flagged', async () => {
    db = await backend.fresh();
    await writeSampleChain(await db.open({ audit: { checkpointKey: KEY } }));
    await insertAfterLast(await db.raw(), FORGED_APPROVAL);
    const flag =
      'causeway audit: AUDIT_CHAIN_BROKEN: record #21 is past the chain head (#20): it was inserted outside Causeway, or the head was moved back; records from #21 on are not shown (run causeway audit verify)\n';
    for (const env of [{ CAUSEWAY_AUDIT_CHECKPOINT_KEY: KEY }, {}]) {
      const show = await cli(['audit', 'show', '--db', db.url, '--incident', 'INC-1'], env);
      expect(show.code).toBe(1);
      expect(show.stdout).toContain('audit timeline of incident INC-1 (14 records)');
      expect(show.stdout).not.toContain('UEVIL');
      expect(show.stderr).toBe(flag);
      const exported = await cli(['audit', 'export', '--db', db.url, '--format', 'jsonl'], env);
      expect(exported.code).toBe(1);
      expect(seqs(exported.stdout)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(exported.stderr).toBe(flag);
    }
  });

  it('show and export --incident do not follow records moved to another incident', async () => {
    db = await backend.fresh();
    await writeSampleChain(await db.open({ audit: { checkpointKey: KEY } }));
    const raw = await db.raw();
    await raw.run("UPDATE audit_log SET incident_id = 'INC-2' WHERE incident_id = 'INC-1'");
    const exported = await cli(['audit', 'export', '--db', db.url, '--format', 'jsonl', '--incident', 'INC-2']);
    expect(exported.code).toBe(1);
    expect(exported.stdout).toBe('');
    expect(exported.stderr).toContain(
      'AUDIT_CHAIN_BROKEN: record #3 is filed under incident INC-2, but its hashed subject and data say INC-1',
    );
    expect(exported.stderr).toContain('records from #3 on are not shown');
    const show = await cli(['audit', 'show', '--db', db.url, '--incident', 'INC-2']);
    expect(show.code).toBe(1);
    expect(show.stdout).toBe('');
    expect(show.stderr).toContain('causeway audit: INPUT_MISSING: no verified audit records for incident INC-2\n');
    expect(show.stderr).toContain('records from #3 on are not shown');
  });
});

describe('causeway audit export and show', () => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('exports canonical JSON lines that a SIEM can re-hash on its own, filtered by incident and time', async () => {
    db = await (BACKENDS[0] as (typeof BACKENDS)[number]).fresh();
    await writeSampleChain(await db.open({ audit: { checkpointKey: KEY } }));
    const all = await cli(['audit', 'export', '--db', db.url, '--format', 'jsonl']);
    expect(all.code).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(SAMPLE_ENTRIES.length);
    let prev = '0'.repeat(64);
    for (const line of lines) {
      const { hash, ...rest } = JSON.parse(line) as { hash: string; prevHash: string };
      expect(canonicalJson(JSON.parse(line) as JsonValue)).toBe(line);
      expect(rest.prevHash).toBe(prev);
      expect(
        createHash('sha256')
          .update(rest.prevHash + canonicalJson(rest as unknown as JsonValue))
          .digest('hex'),
      ).toBe(hash);
      prev = hash;
    }
    const inc = await cli(['audit', 'export', '--db', db.url, '--format', 'jsonl', '--incident', 'INC-2']);
    expect(
      inc.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).seq),
    ).toEqual([16, 17, 18]);
    const since = await cli([
      'audit',
      'export',
      '--db',
      db.url,
      '--format',
      'jsonl',
      '--since',
      '2025-01-01T00:00:00.019Z',
    ]);
    expect(
      since.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).seq),
    ).toEqual([19, 20]);
    const age = await cli(['audit', 'export', '--db', db.url, '--format', 'jsonl', '--since', '5m']);
    expect(age.stdout).toBe('');
    // jsonl is the only format, so it is the default: --format may be left out.
    expect(await cli(['audit', 'export', '--db', db.url])).toEqual(all);
  });

  it('shows a readable timeline of one incident', async () => {
    db = await (BACKENDS[0] as (typeof BACKENDS)[number]).fresh();
    await writeSampleChain(await db.open({ audit: { checkpointKey: KEY, inlinePayloadBytes: 1024 } }));
    const r = await cli(['audit', 'show', '--db', db.url, '--incident', 'INC-1']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('audit timeline of incident INC-1 (14 records)');
    expect(lines[1]).toBe('── 2025-01-01 (UTC) ──');
    expect(r.stdout).toMatch(
      /\n00:00:00\.003 +#3 +system +incident\.opened +incident:INC-1 +fingerprint=fp-a service=checkout title=HighErrorRate\n/,
    );
    expect(r.stdout).toMatch(
      /llm +llm\.called +incident:INC-1 {2}model=gpt-x prompt=<8\.2 KB sha256:[0-9a-f]{8}> promptTokens=1234/,
    );
    expect(r.stdout).toContain('slack:U999XYZ');
    const none = await cli(['audit', 'show', '--db', db.url, '--incident', 'INC-404']);
    expect(none).toMatchObject({
      code: 1,
      stderr: 'causeway audit: INPUT_MISSING: no audit records for incident INC-404\n',
    });
  });

  it('counts in the singular when there is one record', async () => {
    db = await (BACKENDS[0] as (typeof BACKENDS)[number]).fresh();
    const storage = await db.open({ audit: { checkpointKey: KEY } });
    await storage.audit.append(SAMPLE_ENTRIES[2] as (typeof SAMPLE_ENTRIES)[number]);
    const v = await cli(['audit', 'verify', '--db', db.url]);
    expect(v.stdout).toMatch(/^audit chain intact: 1 record \(#1\.\.#1\), head #1 [0-9a-f]{64}\n/);
    const s = await cli(['audit', 'show', '--db', db.url, '--incident', 'INC-1']);
    expect(s.stdout.split('\n')[0]).toBe('audit timeline of incident INC-1 (1 record)');
  });

  it('says what is wrong with the arguments or the database, with its exit code', async () => {
    expect(await cli(['audit'])).toMatchObject({ code: 2 });
    expect((await cli(['audit', 'frobnicate'])).stderr).toContain('expected verify, export or show, not "frobnicate"');
    expect(await cli(['audit', 'export', '--db', 'sqlite:/tmp/x.db', '--format', 'csv'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'causeway audit: USAGE: unknown --format csv: jsonl is the only export format\n',
    });
    expect((await cli(['audit', 'show'])).stderr).toContain('show needs --incident ID');
    expect((await cli(['audit', 'export', '--format', 'jsonl', '--since', 'yesterday'])).code).toBe(2);
    const missing = await cli(['audit', 'verify', '--db', 'sqlite:/tmp/causeway-nope/none.db']);
    expect(missing).toMatchObject({
      code: 3,
      stderr: 'causeway audit: STORAGE_UNAVAILABLE: there is no database at /tmp/causeway-nope/none.db\n',
    });
    expect((await cli(['audit', '--help'])).stdout).toContain('usage: causeway audit verify');
  });
});
