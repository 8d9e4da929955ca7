import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConfigProblems } from '../../../src/adapters/config/format-config-problems.ts';
import { loadConfig } from '../../../src/adapters/config/load-config.ts';
import { openStorage } from '../../../src/adapters/storage/open-storage.ts';
import { runCauseway } from '../../support/run-causeway.ts';

const urlWith = (env: Record<string, string>, text?: string) => {
  const r = loadConfig({ env, ...(text ? { file: { path: 'causeway.yaml', text } } : {}) });
  if (!r.ok) throw new Error(formatConfigProblems(r.error));
  return r.value.storage.url;
};

describe('the default database does not depend on the working directory', () => {
  it('lives in $XDG_DATA_HOME/causeway, else ~/.local/share/causeway', () => {
    expect(urlWith({ XDG_DATA_HOME: '/data/xdg', HOME: '/home/ana' })).toBe('sqlite:/data/xdg/causeway/causeway.db');
    expect(urlWith({ HOME: '/home/ana' })).toBe('sqlite:/home/ana/.local/share/causeway/causeway.db');
    // The XDG spec says a relative XDG_DATA_HOME is ignored.
    expect(urlWith({ XDG_DATA_HOME: 'rel/xdg', HOME: '/home/ana' })).toBe(
      'sqlite:/home/ana/.local/share/causeway/causeway.db',
    );
  });

  it('storage.dataDir (or CAUSEWAY_STORAGE_DATA_DIR) moves it; storage.url wins over both', () => {
    expect(urlWith({ HOME: '/home/ana' }, 'storage: {dataDir: /srv/causeway/}')).toBe(
      'sqlite:/srv/causeway/causeway.db',
    );
    expect(urlWith({ HOME: '/home/ana', CAUSEWAY_STORAGE_DATA_DIR: '/var/lib/causeway' })).toBe(
      'sqlite:/var/lib/causeway/causeway.db',
    );
    expect(urlWith({ HOME: '/home/ana', CAUSEWAY_STORAGE_URL: 'postgres://c@db/causeway' })).toBe(
      'postgres://c@db/causeway',
    );
  });

  it('refuses a relative storage.dataDir, naming the key, the file line and the fix', () => {
    const r = loadConfig({
      env: {},
      file: { path: 'causeway.yaml', text: 'log: {level: info}\nstorage:\n  dataDir: var\n' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatConfigProblems(r.error)).toMatch(/storage\.dataDir.*causeway\.yaml:3.*absolute folder path/s);
  });

  it('runs from two working directories write one database, and --help names it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'causeway-cwd-'));
    const [a, b, xdg] = ['a', 'b', 'xdg'].map((d) => join(root, d)) as [string, string, string];
    mkdirSync(a);
    mkdirSync(b);
    const env = { XDG_DATA_HOME: xdg };
    const one = await runCauseway(
      ['change', 'record', '--service', 'checkout', '--version', 'v1', '--id', 'c-a'],
      env,
      a,
    );
    const two = await runCauseway(
      ['change', 'record', '--service', 'checkout', '--version', 'v2', '--id', 'c-b'],
      env,
      b,
    );
    expect(one.stderr + two.stderr).toBe('');
    expect([one.code, two.code]).toEqual([0, 0]);
    const file = join(xdg, 'causeway', 'causeway.db');
    expect(existsSync(join(a, 'var')) || existsSync(join(b, 'var'))).toBe(false);
    const db = await openStorage(`sqlite:${file}`, { clock: Date.now, create: false });
    if (!db.ok) throw new Error(db.error.message);
    try {
      expect((await db.value.changes.get('c-a'))?.version).toBe('v1');
      expect((await db.value.changes.get('c-b'))?.version).toBe('v2');
    } finally {
      await db.value.close();
    }
    const help = await runCauseway(['--help'], env, b);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`database: SQLite file ${file} (storage.url`);
  });
});
