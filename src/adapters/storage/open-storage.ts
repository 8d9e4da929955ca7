import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import type { Storage } from '../../core/storage/storage.ts';
import { MIGRATIONS } from './migrations/migrations.ts';
import { parseStorageUrl, redactUrl } from './parse-storage-url.ts';
import { buildSqlStorage } from './sql/build-sql-storage.ts';
import { migrateSchema } from './sql/migrate-schema.ts';
import type { SqlDb } from './sql/sql-db.ts';
import { createSqliteDb } from './sqlite/create-sqlite-db.ts';
import type { StorageOptions } from './storage-options.ts';

/**
 * Opens the database at `url` (see `parseStorageUrl`), applies pending migrations and returns
 * every store. Failures are values: `STORAGE_UNAVAILABLE` (cannot open or connect),
 * `STORAGE_SCHEMA_NEWER` (migrated by a newer Causeway), `STORAGE_SCHEMA_MISMATCH`.
 */
export async function openStorage(url: string, options: StorageOptions): Promise<Result<Storage, CausewayError>> {
  const where = parseStorageUrl(url, options.cwd ?? '.');
  if (!where.ok) return { ok: false, error: { code: 'STORAGE_UNAVAILABLE', message: where.error } };
  const loc = where.value;
  const shown = loc.kind === 'sqlite' ? `SQLite file ${loc.path}` : `PostgreSQL ${redactUrl(loc.url)}`;
  let db: SqlDb;
  try {
    if (loc.kind === 'sqlite') {
      if (loc.path !== ':memory:' && !existsSync(loc.path)) {
        if (options.create === false) {
          return { ok: false, error: { code: 'STORAGE_UNAVAILABLE', message: `there is no database at ${loc.path}` } };
        }
        mkdirSync(dirname(loc.path), { recursive: true });
      }
      db = createSqliteDb(loc.path, { synchronous: options.sqliteSynchronous ?? 'normal' });
    } else {
      // Loaded only when used: the embedded default never pays for the driver.
      const { createPostgresDb } = await import('./postgres/create-postgres-db.ts');
      db = createPostgresDb(loc.url, options.poolSize !== undefined ? { poolSize: options.poolSize } : {});
    }
  } catch (e) {
    return { ok: false, error: { code: 'STORAGE_UNAVAILABLE', message: `cannot open the ${shown}: ${message(e)}` } };
  }
  let version: Result<number, CausewayError>;
  try {
    version = await migrateSchema(db, options.migrations ?? MIGRATIONS, options.clock());
  } catch (e) {
    await db.close().catch(() => undefined);
    return { ok: false, error: { code: 'STORAGE_UNAVAILABLE', message: `cannot use the ${shown}: ${message(e)}` } };
  }
  if (!version.ok) {
    await db.close();
    return { ok: false, error: { ...version.error, message: `${shown}: ${version.error.message}` } };
  }
  return { ok: true, value: buildSqlStorage(db, options, version.value) };
}

function message(e: unknown): string {
  const m = e instanceof Error ? e.message || (e as { code?: string }).code || e.name : String(e);
  return redactUrl(m.split('\n')[0] ?? m);
}
