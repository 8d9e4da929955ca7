import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openStorage } from '../../../src/adapters/storage/open-storage.ts';
import { createPostgresDb } from '../../../src/adapters/storage/postgres/create-postgres-db.ts';
import type { SqlDb } from '../../../src/adapters/storage/sql/sql-db.ts';
import { createSqliteDb } from '../../../src/adapters/storage/sqlite/create-sqlite-db.ts';
import type { StorageOptions } from '../../../src/adapters/storage/storage-options.ts';
import type { Storage } from '../../../src/core/storage/storage.ts';
import { createPostgresSchema } from '../../support/postgres-schema.ts';

/** One empty database on a backend: its URL, raw SQL access that bypasses the append-only triggers, cleanup. */
export type TestDatabase = {
  readonly url: string;
  /** Opens the stores (migrating), failing the test on an error. */
  open(options?: Partial<StorageOptions>): Promise<Storage>;
  /** Raw SQL for tampering: the audit tables' append-only triggers are off on this connection. */
  raw(): Promise<SqlDb>;
  cleanup(): Promise<void>;
};

export type Backend = { readonly name: 'sqlite' | 'postgres'; fresh(): Promise<TestDatabase> };

/** A fake clock from 2025-01-01T00:00:00Z, one millisecond per reading. */
export function testClock(start = Date.UTC(2025, 0, 1)): () => number {
  let t = start;
  return () => t++;
}

function database(url: string, makeRaw: () => Promise<SqlDb>, cleanup: () => Promise<void>): TestDatabase {
  const opened: Storage[] = [];
  const raws: SqlDb[] = [];
  return {
    url,
    async open(options = {}) {
      const r = await openStorage(url, { clock: testClock(), ...options });
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      opened.push(r.value);
      return r.value;
    },
    async raw() {
      const db = await makeRaw();
      raws.push(db);
      return db;
    },
    async cleanup() {
      for (const s of opened) await s.close().catch(() => undefined);
      for (const d of raws) await d.close().catch(() => undefined);
      await cleanup();
    },
  };
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'causeway-sqlite-'));
    const path = join(dir, 'causeway.db');
    return database(
      `sqlite:${path}`,
      async () => {
        const db = createSqliteDb(path);
        for (const t of ['audit_log', 'audit_checkpoints']) {
          for (const op of ['update', 'delete']) await db.exec(`DROP TRIGGER IF EXISTS ${t}_no_${op}`);
        }
        return db;
      },
      async () => rmSync(dir, { recursive: true, force: true }),
    );
  },
};

export const postgresBackend: Backend = {
  name: 'postgres',
  async fresh() {
    const server = inject('postgresUrl');
    if (!server) throw new Error(`no PostgreSQL server for the contract suite: ${inject('postgresError')}`);
    const schema = await createPostgresSchema(server);
    return database(
      schema.url,
      async () => {
        const db = createPostgresDb(schema.url, { poolSize: 1 });
        for (const t of ['audit_log', 'audit_checkpoints']) {
          await db.exec(`ALTER TABLE IF EXISTS ${t} DISABLE TRIGGER USER`);
        }
        return db;
      },
      () => schema.drop(),
    );
  },
};

/** The contract suite runs every test against both. */
export const BACKENDS: readonly Backend[] = [sqliteBackend, postgresBackend];
