import { afterEach, describe, expect, it } from 'vitest';
import { acceptAlerts } from '../../src/app/ingest/accept-alerts.ts';
import type { IngestDeps } from '../../src/app/ingest/ingest-deps.ts';
import { NO_TELEMETRY } from '../../src/core/ingest/ingest-telemetry.ts';
import { SILENT_LOG } from '../../src/core/ingest/silent-log.ts';
import type { Alert } from '../../src/core/model/alert.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { BACKENDS, type TestDatabase } from '../storage/support/backends.ts';

const T0 = Date.UTC(2026, 10, 24, 10, 0, 0);

const alert = (i: number, over: Partial<Alert> = {}): Alert => ({
  fingerprint: `fp-${i}`,
  name: 'HighErrorRate',
  status: 'firing',
  service: `svc-${i}`,
  labels: { env: 'prod' },
  annotations: {},
  startsAt: T0,
  endsAt: undefined,
  generatorUrl: undefined,
  source: 'test',
  ...over,
});

function ingest(storage: Storage): IngestDeps {
  let n = 0;
  return {
    incidents: storage.incidents,
    audit: storage.audit,
    deliveries: storage.deliveries,
    grouping: { groupBy: ['service'], windowMs: 10 * 60_000 },
    now: () => T0,
    newIncidentId: () => `INC-${++n}`,
    telemetry: NO_TELEMETRY,
    log: SILENT_LOG,
  };
}

/** Every incident with its alerts' fingerprints, and every audit record's action. */
async function stored(storage: Storage) {
  const incidents = await storage.incidents.list({ limit: 1000 });
  const alerts = (await Promise.all(incidents.map((i) => storage.incidents.alerts(i.id)))).flat();
  const actions = (await storage.audit.query({ limit: 1000 })).map((r) => r.action);
  return { incidents: incidents.map((i) => i.id), alerts: alerts.map((a) => a.alert.fingerprint), actions };
}

describe.each(BACKENDS)('a delivery is stored atomically: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('an incident whose incident.opened record cannot be written is not committed (nor the rest of its delivery)', async () => {
    db = await backend.fresh();
    const storage = await db.open();
    const deps = ingest(storage);
    // A start time past what a Date can hold (year 287,000): the audit record cannot say when the incident is
    // as of. (The webhook normalisers refuse such times with a 422; this is the store's own guarantee.)
    const beyond = 9e15;
    await expect(
      acceptAlerts(deps, {
        source: 'test',
        alerts: [alert(1), alert(2), alert(3, { startsAt: beyond })],
        receivedAt: T0,
      }),
    ).rejects.toThrow();
    expect(await stored(storage)).toEqual({ incidents: [], alerts: [], actions: [] });

    // The sender's retry (with the time fixed) opens the incidents, each with its audit record.
    const r = await acceptAlerts(deps, { source: 'test', alerts: [alert(1), alert(2), alert(3)], receivedAt: T0 });
    expect(r.opened).toHaveLength(3);
    const after = await stored(storage);
    expect(after.alerts.sort()).toEqual(['fp-1', 'fp-2', 'fp-3']);
    expect(after.actions).toEqual(['incident.opened', 'incident.opened', 'incident.opened', 'alert.received']);
  });

  it('a delivery joining open incidents is all or nothing: a failure leaves the incidents as they were', async () => {
    db = await backend.fresh();
    const storage = await db.open();
    const deps = ingest(storage);
    await acceptAlerts(deps, { source: 'test', alerts: [alert(1), alert(2)], receivedAt: T0 });
    const before = await stored(storage);
    await expect(
      acceptAlerts(deps, {
        source: 'test',
        alerts: [alert(11, { service: 'svc-1' }), alert(12, { service: 'svc-2' }), alert(13, { startsAt: 9e15 })],
        receivedAt: T0 + 1000,
      }),
    ).rejects.toThrow();
    expect(await stored(storage)).toEqual(before);
  });

  it('one transaction per delivery: its alert.received record names every alert and incident it stored', async () => {
    db = await backend.fresh();
    const storage = await db.open();
    const deps = ingest(storage);
    const r = await acceptAlerts(deps, {
      source: 'test',
      alerts: [alert(1), alert(2), alert(3, { service: 'svc-1' }), alert(4, { status: 'resolved', service: 'x' })],
      receivedAt: T0,
    });
    expect(r).toMatchObject({ accepted: 4, unmatched: 1 });
    const received = (await storage.audit.query({ limit: 100 })).filter((x) => x.action === 'alert.received');
    expect(received).toHaveLength(1);
    expect(received[0]?.data).toMatchObject({
      count: 4,
      firing: 3,
      resolved: 1,
      fingerprints: ['fp-1', 'fp-2', 'fp-3', 'fp-4'],
      incidentIds: ['INC-1', 'INC-2'],
    });
  });
});
