import type { AuditLog } from './audit-log.ts';
import type { AutonomyStore } from './autonomy-store.ts';
import type { ChangeStore } from './change-store.ts';
import type { DeliveryStore } from './delivery-store.ts';
import type { EffectJournal } from './effect-journal.ts';
import type { FeedbackStore } from './feedback-store.ts';
import type { IncidentStore } from './incident-store.ts';
import type { RunStore } from './run-store.ts';
import type { SeenBeforeStore } from './seen-before-store.ts';

/** All durable state, from one database (embedded SQLite or PostgreSQL). */
export type Storage = {
  readonly backend: 'sqlite' | 'postgres';
  /** The schema version after migrations. */
  readonly schemaVersion: number;
  readonly incidents: IncidentStore;
  readonly changes: ChangeStore;
  readonly feedback: FeedbackStore;
  readonly runs: RunStore;
  readonly audit: AuditLog;
  /** Webhook deliveries, each stored (alerts, incidents, audit records) in one transaction. */
  readonly deliveries: DeliveryStore;
  readonly effects: EffectJournal;
  /** Fingerprints of resolved incidents, indexed by feature ("seen before"). */
  readonly seenBefore: SeenBeforeStore;
  /** Earned autonomy: shadow records, pauses, demotions, countdowns. */
  readonly autonomy: AutonomyStore;
  close(): Promise<void>;
};
