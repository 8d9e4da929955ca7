/** A bound parameter: both backends take these as they are. */
export type SqlParam = string | number | null | Uint8Array;

/** A result row (column name → value; integers as numbers, blobs as bytes). */
export type SqlRow = { readonly [column: string]: unknown };

/** Runs statements written with PostgreSQL placeholders (`$1`, `$2` …) on either backend. */
export type SqlExecutor = {
  all(sql: string, params?: readonly SqlParam[]): Promise<SqlRow[]>;
  get(sql: string, params?: readonly SqlParam[]): Promise<SqlRow | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number>;
  /** Several statements without parameters (DDL). */
  exec(sql: string): Promise<void>;
};

/**
 * One database, embedded or server. Statements outside `transaction` run one at a time; a
 * transaction is exclusive for writes on SQLite (`BEGIN IMMEDIATE`) and READ COMMITTED on
 * PostgreSQL, where rows that must not change underneath are read with `forUpdate`.
 */
export type SqlDb = SqlExecutor & {
  readonly dialect: 'sqlite' | 'postgres';
  /** ` FOR UPDATE` on PostgreSQL; empty on SQLite, whose write transactions already exclude each other. */
  readonly forUpdate: string;
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};
