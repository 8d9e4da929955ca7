import { afterEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../src/adapters/storage/migrations/migration.ts';
import { MIGRATIONS } from '../../src/adapters/storage/migrations/migrations.ts';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { BACKENDS, type TestDatabase, testClock } from './support/backends.ts';

const latest = MIGRATIONS.at(-1)?.version ?? 0;
const extra: Migration = {
  version: latest + 1,
  name: 'test: incident labels',
  statements: () => ['CREATE TABLE test_incident_labels (incident_id TEXT NOT NULL, label TEXT NOT NULL)'],
};

describe.each(BACKENDS)('migrations contract: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('migrates an empty database to the latest version at start, and reopening changes nothing', async () => {
    db = await backend.fresh();
    const s = await db.open();
    expect(s.schemaVersion).toBe(latest);
    await s.close();
    const again = await db.open();
    expect(again.schemaVersion).toBe(latest);
    const raw = await db.raw();
    expect(await raw.all('SELECT version, name FROM schema_migrations ORDER BY version')).toEqual(
      MIGRATIONS.map((m) => expect.objectContaining({ version: m.version, name: m.name })),
    );
  });

  it('applies only the pending migrations of a newer code version, keeping the data', async () => {
    db = await backend.fresh();
    const s = await db.open();
    await s.audit.append({ actor: 'system', action: 'config.loaded', subject: 'config' });
    await s.close();
    const upgraded = await db.open({ migrations: [...MIGRATIONS, extra] });
    expect(upgraded.schemaVersion).toBe(latest + 1);
    expect((await upgraded.audit.head())?.seq).toBe(1);
    const raw = await db.raw();
    expect(await raw.all('SELECT * FROM test_incident_labels')).toEqual([]);
  });

  it('refuses to start on a schema newer than the code, with a clear message, changing nothing', async () => {
    db = await backend.fresh();
    await (await db.open({ migrations: [...MIGRATIONS, extra] })).close();
    const r = await openStorage(db.url, { clock: testClock() });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('STORAGE_SCHEMA_NEWER');
    expect(r.error.message).toContain(`schema is at version ${latest + 1} ("test: incident labels")`);
    expect(r.error.message).toContain(`only knows versions up to ${latest}`);
    const raw = await db.raw();
    expect(await raw.get('SELECT MAX(version) AS v FROM schema_migrations')).toMatchObject({ v: latest + 1 });
  });

  it('refuses a database whose applied migration differs from the code (another build)', async () => {
    db = await backend.fresh();
    await (await db.open({ migrations: [...MIGRATIONS, extra] })).close();
    const changed: Migration = { ...extra, statements: () => ['CREATE TABLE test_other (x TEXT)'] };
    const r = await openStorage(db.url, { clock: testClock(), migrations: [...MIGRATIONS, changed] });
    expect(r.ok ? 'ok' : r.error.code).toBe('STORAGE_SCHEMA_MISMATCH');
  });

  it('rolls a failing migration back entirely', async () => {
    db = await backend.fresh();
    await (await db.open()).close();
    const broken: Migration = {
      version: latest + 1,
      name: 'test: broken',
      statements: () => ['CREATE TABLE test_half (x TEXT)', 'CREATE TABLE test_half (x TEXT)'],
    };
    const r = await openStorage(db.url, { clock: testClock(), migrations: [...MIGRATIONS, broken] });
    expect(r.ok ? 'ok' : r.error.code).toBe('STORAGE_UNAVAILABLE');
    const s = await db.open();
    expect(s.schemaVersion).toBe(latest);
    const raw = await db.raw();
    await expect(raw.all('SELECT * FROM test_half')).rejects.toThrow();
  });

  it('several processes starting together on an empty database migrate it once', async () => {
    db = await backend.fresh();
    const all = await Promise.all(Array.from({ length: 4 }, () => openStorage(db.url, { clock: testClock() })));
    for (const r of all) {
      expect(r.ok ? r.value.schemaVersion : r.error.message).toBe(latest);
      if (r.ok) await r.value.close();
    }
  });
});

describe('opening storage', () => {
  it('reports an unreachable PostgreSQL server as STORAGE_UNAVAILABLE, password masked', async () => {
    const r = await openStorage('postgres://app:supersecret@127.0.0.1:1/causeway', { clock: testClock() });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('STORAGE_UNAVAILABLE');
    expect(r.error.message).toContain('postgres://app:****@127.0.0.1:1/causeway');
    expect(r.error.message).not.toContain('supersecret');
  });

  it('does not create a missing SQLite file when told not to (the audit CLI)', async () => {
    const r = await openStorage('sqlite:/tmp/causeway-does-not-exist/none.db', { clock: testClock(), create: false });
    expect(r.ok ? 'ok' : r.error).toEqual({
      code: 'STORAGE_UNAVAILABLE',
      message: 'there is no database at /tmp/causeway-does-not-exist/none.db',
    });
  });

  it('opens an in-memory SQLite store (sqlite::memory:) for unit tests of other features', async () => {
    const r = await openStorage('sqlite::memory:', { clock: testClock() });
    if (!r.ok) throw new Error(r.error.message);
    const rec = await r.value.audit.append({ actor: 'system', action: 'config.loaded', subject: 'config' });
    expect(rec.seq).toBe(1);
    await r.value.close();
  });

  it('rejects a URL that is neither PostgreSQL nor SQLite', async () => {
    const r = await openStorage('mysql://root:pw@localhost/x', { clock: testClock() });
    expect(r.ok ? 'ok' : r.error.message).toBe(
      'storage.url "mysql://root:****@localhost/x" is neither postgres://… nor sqlite:PATH',
    );
  });
});
