import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { acceptAlerts } from '../../src/app/ingest/accept-alerts.ts';
import { resolveIfCleared } from '../../src/app/ingest/resolve-if-cleared.ts';
import { NO_TELEMETRY } from '../../src/core/ingest/ingest-telemetry.ts';
import { SILENT_LOG } from '../../src/core/ingest/silent-log.ts';
import type { Alert } from '../../src/core/model/alert.ts';
import type { Storage } from '../../src/core/storage/storage.ts';

let storage: Storage;
afterEach(async () => storage?.close());

async function deps(groupBy: string[] = ['service', 'environment'], windowMs = 10 * 60_000) {
  const s = await openStorage('sqlite::memory:', { clock: () => 1_800_000_000_000 });
  if (!s.ok) throw new Error(s.error.message);
  storage = s.value;
  let n = 0;
  return {
    incidents: storage.incidents,
    audit: storage.audit,
    deliveries: storage.deliveries,
    grouping: { groupBy, windowMs },
    now: () => 1_800_000_000_000,
    newIncidentId: () => `INC-${++n}`,
    telemetry: NO_TELEMETRY,
    log: SILENT_LOG,
  };
}

const T0 = Date.parse('2026-11-24T10:00:00Z');
const alert = (i: number, over: Partial<Alert> = {}): Alert => ({
  fingerprint: `fp-${i}`,
  name: 'HighErrorRate',
  status: 'firing',
  service: `svc-${i % 20}`,
  labels: { env: 'prod', pod: `pod-${i}` },
  annotations: {},
  startsAt: T0 + (i % 60) * 1000,
  endsAt: undefined,
  generatorUrl: undefined,
  source: 'test',
  ...over,
});

describe('acceptAlerts: grouping and storms', () => {
  it('a storm of 2,000 distinct alerts over 60 s for 20 services opens 20 incidents, every alert kept', async () => {
    const d = await deps();
    let opened = 0;
    for (let b = 0; b < 2000; b += 50) {
      const r = await acceptAlerts(d, {
        source: 'test',
        alerts: Array.from({ length: 50 }, (_, k) => alert(b + k)),
        receivedAt: T0 + b,
      });
      opened += r.opened.length;
    }
    expect(opened).toBe(20);
    const incidents = await storage.incidents.list({ limit: 100 });
    expect(incidents).toHaveLength(20);
    const counts = await Promise.all(incidents.map(async (i) => (await storage.incidents.alerts(i.id)).length));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(new Set(incidents.map((i) => i.service)).size).toBe(20);
  });

  it('environments split a service; no dimension falls back to the fingerprint; an alert joins across a window boundary', async () => {
    const d = await deps(['service', 'environment'], 60_000);
    const a = await acceptAlerts(d, {
      source: 't',
      alerts: [
        alert(1, { service: 'api', labels: { env: 'prod' }, startsAt: T0 + 50_000 }),
        alert(2, { service: 'api', labels: { env: 'staging' }, startsAt: T0 + 50_000 }),
        // 20 s later but in the next 60 s window: still joins the first incident (within the window of its start).
        alert(3, { service: 'api', labels: { env: 'prod' }, startsAt: T0 + 70_000 }),
        alert(4, { service: undefined, labels: {}, fingerprint: 'lonely' }),
        alert(5, { service: undefined, labels: {}, fingerprint: 'lonely' }),
      ],
      receivedAt: T0,
    });
    expect(a.opened).toHaveLength(3);
    expect(a.joined).toHaveLength(2);
    // Much later (beyond the window of that incident's start): a new incident for the same group.
    const later = await acceptAlerts(d, {
      source: 't',
      alerts: [alert(6, { service: 'api', labels: { env: 'prod' }, startsAt: T0 + 10 * 60_000 })],
      receivedAt: T0,
    });
    expect(later.opened).toHaveLength(1);
  });

  it('resolutions update the incident, which resolves once every alert has resolved; an unknown resolution changes nothing', async () => {
    const d = await deps();
    const a1 = alert(1, { service: 'api' });
    const a2 = alert(2, { service: 'api' });
    const r = await acceptAlerts(d, { source: 't', alerts: [a1, a2], receivedAt: T0 });
    const id = r.opened[0]?.id as string;
    const half = await acceptAlerts(d, { source: 't', alerts: [{ ...a1, status: 'resolved' }], receivedAt: T0 + 1 });
    expect(half.resolving).toEqual([id]);
    expect(await resolveIfCleared(d, id)).toBeUndefined();
    await acceptAlerts(d, { source: 't', alerts: [{ ...a2, status: 'resolved' }], receivedAt: T0 + 2 });
    expect((await resolveIfCleared(d, id))?.status).toBe('resolved');
    const stray = await acceptAlerts(d, {
      source: 't',
      alerts: [alert(9, { service: 'other', status: 'resolved' })],
      receivedAt: T0 + 3,
    });
    expect(stray).toMatchObject({ opened: [], unmatched: 1 });
    expect(await storage.incidents.list({ limit: 10 })).toHaveLength(1);
    const actions = (await storage.audit.query({ incidentId: id })).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['incident.opened', 'incident.resolved']));
  });
});
