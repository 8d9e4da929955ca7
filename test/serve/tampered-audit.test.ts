import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSampleChain } from '../audit/support/sample-chain.ts';
import { FORGED_APPROVAL, insertAfterLast } from '../audit/support/tamper.ts';
import { BACKENDS, type TestDatabase } from '../storage/support/backends.ts';
import { runCauseway } from '../support/run-causeway.ts';

const serve = (url: string, cwd: string) =>
  runCauseway(
    ['serve', '--port', '0', '--host', '127.0.0.1'],
    { CAUSEWAY_STORAGE_URL: url, CAUSEWAY_LOG_LEVEL: 'warn' },
    cwd,
  );

describe.each(BACKENDS)('causeway serve on a database whose audit log was tampered with: $name', (backend) => {
  let db: TestDatabase;
  let dir: string;
  afterEach(async () => {
    await db?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start when a record was inserted past the chain head, and says so', async () => {
    dir = mkdtempSync(join(tmpdir(), 'causeway-tampered-'));
    db = await backend.fresh();
    await writeSampleChain(await db.open());
    await insertAfterLast(await db.raw(), FORGED_APPROVAL);
    const r = await serve(db.url, dir);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('UNIQUE');
    expect(r.stderr).toContain(
      'causeway serve: AUDIT_CHAIN_BROKEN: the audit log was tampered with: record #21 is past the chain head (#20): it was inserted outside Causeway, or the head was moved back. Nothing was written; run causeway audit verify, and restore the database from a backup',
    );
  });

  it('refuses to start when the chain head was moved back, or deleted', async () => {
    dir = mkdtempSync(join(tmpdir(), 'causeway-tampered-'));
    db = await backend.fresh();
    await writeSampleChain(await db.open());
    const raw = await db.raw();
    const low = await raw.get('SELECT hash FROM audit_log WHERE seq = 17');
    await raw.run('UPDATE audit_head SET seq = 17, hash = $1 WHERE id = 1', [String(low?.hash)]);
    const lowered = await serve(db.url, dir);
    expect(lowered.code).toBe(3);
    expect(lowered.stderr).toContain(
      'AUDIT_CHAIN_BROKEN: the audit log was tampered with: record #18 is past the chain head (#17)',
    );
    await raw.run('DELETE FROM audit_head');
    const deleted = await serve(db.url, dir);
    expect(deleted.code).toBe(3);
    expect(deleted.stderr).toContain(
      'AUDIT_CHAIN_BROKEN: the audit log was tampered with: the chain head row (audit_head) is missing',
    );
  });
});
