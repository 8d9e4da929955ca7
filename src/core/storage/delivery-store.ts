import type { AuditLog } from './audit-log.ts';
import type { IncidentStore } from './incident-store.ts';

/** What storing one delivery may do: every write through it belongs to the delivery's transaction. */
export type DeliveryWrites = {
  readonly incidents: Pick<IncidentStore, 'findOpen' | 'findOpenGroup' | 'openOrJoin'>;
  readonly audit: Pick<AuditLog, 'append'>;
};

/**
 * Stores one webhook delivery in one transaction: its alerts, the incidents they open or join and
 * its audit records (`incident.opened`, `incident.joined`, `alert.received`) commit together when `fn` resolves, and
 * none of them when it throws (a crash, a failed audit record). Deliveries queue on the audit
 * chain's head, so two of them never wait for each other's incident claims (on every replica).
 */
export type DeliveryStore = {
  store<T>(fn: (writes: DeliveryWrites) => Promise<T>): Promise<T>;
};
