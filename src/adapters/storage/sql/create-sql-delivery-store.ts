import type { DeliveryStore } from '../../../core/storage/delivery-store.ts';
import type { ChainHead } from './chain-head.ts';
import type { ChainWriter } from './create-chain-writer.ts';
import { createSqlIncidentStore } from './create-sql-incident-store.ts';
import type { SqlDb, SqlExecutor } from './sql-db.ts';
import { toAuditRecord } from './to-audit-record.ts';

/**
 * Deliveries on either backend: one transaction that first locks the audit head (deliveries and
 * audit appends queue there, so claims of incident rows never deadlock), then runs the incident
 * store's own statements and the chain writer inside it.
 */
export function createSqlDeliveryStore(db: SqlDb, writer: ChainWriter): DeliveryStore {
  return {
    store: (fn) =>
      db.transaction(async (tx) => {
        let head: ChainHead = await writer.lockHead(tx);
        return fn({
          incidents: createSqlIncidentStore(inside(db, tx)),
          audit: {
            async append(entry) {
              const written = await writer.write(tx, head, writer.prepare(entry));
              head = written.head;
              return toAuditRecord(written.row);
            },
          },
        });
      }),
  };
}

/** The database as seen inside an open transaction: statements run in it, and a nested transaction is part of it. */
function inside(db: SqlDb, tx: SqlExecutor): SqlDb {
  return {
    ...tx,
    dialect: db.dialect,
    forUpdate: db.forUpdate,
    transaction: (fn) => fn(tx),
    close: async () => undefined,
  };
}
