import pg from 'pg';
import type { SqlDb, SqlExecutor, SqlParam, SqlRow } from '../sql/sql-db.ts';

export type PostgresDbOptions = {
  /** Connections in the pool. */
  readonly poolSize?: number;
  readonly connectTimeoutMs?: number;
};

// int8 (counts, sequence numbers, epoch milliseconds) as numbers: all stay below 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A PostgreSQL database through a `pg` pool. Statements are prepared once per connection
 * (named by their text), so the hot paths skip parsing.
 */
export function createPostgresDb(url: string, options: PostgresDbOptions = {}): SqlDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    types,
  });
  // An idle connection dropped by the server: the pool replaces it; the next query reports any real outage.
  pool.on('error', () => undefined);

  const names = new Map<string, string>();
  const named = (sql: string, params: readonly SqlParam[] | undefined) => {
    let name = names.get(sql);
    if (!name) {
      name = `causeway_${names.size + 1}`;
      names.set(sql, name);
    }
    return { name, text: sql, values: params ? [...params] : [] };
  };
  const on = (q: pg.Pool | pg.PoolClient): SqlExecutor => ({
    all: async (sql, params) => (await q.query<SqlRow>(named(sql, params))).rows,
    get: async (sql, params) => (await q.query<SqlRow>(named(sql, params))).rows[0],
    run: async (sql, params) => (await q.query(named(sql, params))).rowCount ?? 0,
    exec: async (sql) => {
      await q.query(sql);
    },
  });

  return {
    dialect: 'postgres',
    forUpdate: ' FOR UPDATE',
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        try {
          const result = await fn(on(client));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch((re: Error) => {
            broken = re;
          });
          throw e;
        }
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
