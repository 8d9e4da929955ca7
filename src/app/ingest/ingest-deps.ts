import type { GroupingSettings } from '../../core/ingest/grouping-settings.ts';
import type { IngestTelemetry } from '../../core/ingest/ingest-telemetry.ts';
import type { LogPort } from '../../core/ingest/log-port.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { DeliveryStore } from '../../core/storage/delivery-store.ts';
import type { IncidentStore } from '../../core/storage/incident-store.ts';

/** What accepting alerts needs: the stores, the grouping rules, the clock and ids, and telemetry. */
export type IngestDeps = {
  readonly incidents: IncidentStore;
  readonly audit: AuditLog;
  /** Where a delivery is stored atomically (its alerts, incidents and audit records). */
  readonly deliveries: DeliveryStore;
  readonly grouping: GroupingSettings;
  /** Epoch ms. */
  readonly now: () => number;
  readonly newIncidentId: () => string;
  readonly telemetry: IngestTelemetry;
  readonly log: LogPort;
};
