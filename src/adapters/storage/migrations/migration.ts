/** One schema step. Versions are 1, 2, 3 …; a migration, once released, is never edited (its checksum is recorded). */
export type Migration = {
  readonly version: number;
  readonly name: string;
  /** The DDL for a backend, one statement per element, applied in one transaction with the version row. */
  readonly statements: (dialect: 'sqlite' | 'postgres') => readonly string[];
};
