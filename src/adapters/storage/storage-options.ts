import type { AuditOptions } from '../../core/audit/audit-options.ts';
import type { Migration } from './migrations/migration.ts';

/** How `openStorage` builds the stores. Only `clock` is required. */
export type StorageOptions = {
  /** Epoch milliseconds: the time of audit records and journal entries. */
  readonly clock: () => number;
  /** Relative SQLite paths are resolved against this. */
  readonly cwd?: string;
  readonly audit?: Partial<AuditOptions>;
  /** Names this process in the effect journal (recovery closes only its own unfinished effects). */
  readonly instanceId?: string;
  /** SQLite: `normal` (default) or `full` (fsync every commit; survives power loss). */
  readonly sqliteSynchronous?: 'normal' | 'full';
  /** SQLite: create the file (and its folder) when missing. Default true; the audit CLI says false. */
  readonly create?: boolean;
  /** PostgreSQL pool size. */
  readonly poolSize?: number;
  /** The schema steps (tests pass their own); default: all of this Causeway's. */
  readonly migrations?: readonly Migration[];
};
