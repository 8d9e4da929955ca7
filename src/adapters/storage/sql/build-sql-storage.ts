import { type AuditOptions, DEFAULT_AUDIT_OPTIONS } from '../../../core/audit/audit-options.ts';
import type { Storage } from '../../../core/storage/storage.ts';
import type { StorageOptions } from '../storage-options.ts';
import { createChainWriter } from './create-chain-writer.ts';
import { createSqlAuditLog } from './create-sql-audit-log.ts';
import { createSqlAutonomyStore } from './create-sql-autonomy-store.ts';
import { createSqlChangeStore } from './create-sql-change-store.ts';
import { createSqlDeliveryStore } from './create-sql-delivery-store.ts';
import { createSqlEffectJournal } from './create-sql-effect-journal.ts';
import { createSqlFeedbackStore } from './create-sql-feedback-store.ts';
import { createSqlIncidentStore } from './create-sql-incident-store.ts';
import { createSqlRunStore } from './create-sql-run-store.ts';
import { createSqlSeenBeforeStore } from './create-sql-seen-before-store.ts';
import type { SqlDb } from './sql-db.ts';

/** Every store over one migrated database. */
export function buildSqlStorage(db: SqlDb, options: StorageOptions, schemaVersion: number): Storage {
  const audit: AuditOptions = { ...DEFAULT_AUDIT_OPTIONS, ...stripUndefined(options.audit ?? {}) };
  const writer = createChainWriter(db, audit, options.clock);
  return {
    backend: db.dialect,
    schemaVersion,
    incidents: createSqlIncidentStore(db),
    changes: createSqlChangeStore(db),
    feedback: createSqlFeedbackStore(db),
    runs: createSqlRunStore(db),
    audit: createSqlAuditLog(db, writer),
    deliveries: createSqlDeliveryStore(db, writer),
    effects: createSqlEffectJournal(db, writer, options.instanceId ?? 'default'),
    seenBefore: createSqlSeenBeforeStore(db),
    autonomy: createSqlAutonomyStore(db),
    close: () => db.close(),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
