import { resolve } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqlDb, SqlExecutor, SqlParam } from '../sql/sql-db.ts';

export type SqliteDbOptions = {
  /**
   * `normal` (default): in WAL mode a commit survives any crash of the process; an OS crash or
   * power cut may lose the last commits, never corrupt the file. `full`: fsync at every commit.
   */
  readonly synchronous?: 'normal' | 'full';
  /** How long a writer waits for another process's write lock (ms). */
  readonly busyTimeoutMs?: number;
};

/**
 * Operations queued per database file, shared by every connection of this process: SQLite's
 * busy wait is synchronous, so a second connection waiting for the write lock inside the same
 * event loop would block the holder forever (until the busy timeout). Other processes are
 * waited for with the busy timeout.
 */
const queues = new Map<string, { tail: Promise<unknown>; users: number }>();

/**
 * An embedded database on `node:sqlite` (one file, WAL mode). `DatabaseSync` is synchronous, so
 * operations are queued: a transaction holds the file (for this process) until it ends and
 * nothing else interleaves with it.
 */
export function createSqliteDb(path: string, options: SqliteDbOptions = {}): SqlDb {
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 10_000)}`);
  if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.exec('PRAGMA foreign_keys = ON');

  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      statements.set(sql, s);
    }
    return s;
  };
  const args = (params: readonly SqlParam[] | undefined) => (params ?? []) as SQLInputValue[];
  const direct: SqlExecutor = {
    all: async (sql, params) => prepare(sql).all(...args(params)),
    get: async (sql, params) => prepare(sql).get(...args(params)),
    run: async (sql, params) => Number(prepare(sql).run(...args(params)).changes),
    exec: async (sql) => db.exec(sql),
  };

  const key = path === ':memory:' ? Symbol() : resolve(path);
  const shared = typeof key === 'string' ? queues.get(key) : undefined;
  const queue = shared ?? { tail: Promise.resolve() as Promise<unknown>, users: 0 };
  if (typeof key === 'string' && !shared) queues.set(key, queue);
  queue.users++;
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.tail.then(fn, fn);
    queue.tail = next.catch(() => undefined);
    return next;
  };
  let closed = false;

  return {
    dialect: 'sqlite',
    forUpdate: '',
    all: (sql, params) => exclusive(() => direct.all(sql, params)),
    get: (sql, params) => exclusive(() => direct.get(sql, params)),
    run: (sql, params) => exclusive(() => direct.run(sql, params)),
    exec: (sql) => exclusive(() => direct.exec(sql)),
    transaction: (fn) =>
      exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(direct);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.isTransaction) db.exec('ROLLBACK');
          throw e;
        }
      }),
    close: () =>
      exclusive(async () => {
        if (closed) return;
        closed = true;
        statements.clear();
        db.close();
        if (--queue.users === 0 && typeof key === 'string') queues.delete(key);
      }),
  };
}
