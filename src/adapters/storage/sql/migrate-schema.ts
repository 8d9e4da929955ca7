import { createHash } from 'node:crypto';
import type { CausewayError } from '../../../core/errors/causeway-error.ts';
import type { Result } from '../../../core/result/result.ts';
import type { Migration } from '../migrations/migration.ts';
import type { SqlDb } from './sql-db.ts';

/** The checksum recorded for an applied migration: SHA-256 of its statements for the backend. */
export function migrationChecksum(m: Migration, dialect: SqlDb['dialect']): string {
  return createHash('sha256').update(m.statements(dialect).join(';\n')).digest('hex');
}

/**
 * Brings the schema up to the last migration, in one transaction (on PostgreSQL under an advisory
 * lock, so replicas starting together migrate once). Refuses — changing nothing — when the
 * database was migrated by a newer Causeway (`STORAGE_SCHEMA_NEWER`) or an applied migration
 * differs from this code's (`STORAGE_SCHEMA_MISMATCH`). Returns the schema version.
 */
export async function migrateSchema(
  db: SqlDb,
  migrations: readonly Migration[],
  now: number,
): Promise<Result<number, CausewayError>> {
  const latest = migrations.at(-1)?.version ?? 0;
  return db.transaction(async (tx) => {
    if (db.dialect === 'postgres') {
      await tx.get(`SELECT pg_advisory_xact_lock(hashtext('causeway.migrate.' || current_schema()))`);
    }
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = await tx.all('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const newest = Number(applied.at(-1)?.version ?? 0);
    if (newest > latest) {
      return {
        ok: false,
        error: {
          code: 'STORAGE_SCHEMA_NEWER',
          message: `the database schema is at version ${newest} ("${applied.at(-1)?.name}"), but this Causeway only knows versions up to ${latest}: it was upgraded by a newer Causeway. Run that version (or newer), or point storage.url at another database; nothing was changed`,
        },
      };
    }
    for (const row of applied) {
      const m = migrations.find((x) => x.version === Number(row.version));
      if (!m || row.checksum !== migrationChecksum(m, db.dialect)) {
        return {
          ok: false,
          error: {
            code: 'STORAGE_SCHEMA_MISMATCH',
            message: `schema migration ${row.version} ("${row.name}") in the database differs from this Causeway's: the database was created by a different build; nothing was changed`,
          },
        };
      }
    }
    for (const m of migrations.filter((x) => x.version > newest)) {
      for (const statement of m.statements(db.dialect)) await tx.exec(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [
        m.version,
        m.name,
        migrationChecksum(m, db.dialect),
        new Date(now).toISOString(),
      ]);
    }
    return { ok: true, value: latest };
  });
}
