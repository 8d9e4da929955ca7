import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteBackend, type TestDatabase } from '../storage/support/backends.ts';
import { writeSampleChain } from './support/sample-chain.ts';
import { withEdit } from './support/tamper.ts';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;
const KEY = 'entry-point-checkpoint-key-0123456789abc';

function causeway(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', CAUSEWAY_AUDIT_CHECKPOINT_KEY: KEY, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the causeway entry point: audit verify', () => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('verifies with the key from the environment, and exits 1 naming a tampered record', async () => {
    db = await sqliteBackend.fresh();
    await writeSampleChain(await db.open({ audit: { checkpointKey: KEY } }));
    const ok = causeway(['audit', 'verify', '--db', db.url]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('signed checkpoints: 20 verified');
    const broken = await withEdit(await db.raw(), 5, 'subject', async () =>
      causeway(['audit', 'verify', '--db', db.url]),
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('AUDIT_CHAIN_BROKEN: record #5 does not match its hash');
    const badKey = causeway(['audit', 'verify', '--db', db.url], { CAUSEWAY_AUDIT_CHECKPOINT_KEY: 'short' });
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('audit.checkpointKey');
    expect(badKey.stderr).not.toContain('short');
  });
});
