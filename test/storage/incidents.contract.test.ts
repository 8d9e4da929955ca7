import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/core/model/alert.ts';
import { BACKENDS, type TestDatabase } from './support/backends.ts';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

function alert(fingerprint: string, extra: Partial<Alert> = {}): Alert {
  return {
    fingerprint,
    name: 'HighErrorRate',
    status: 'firing',
    service: 'checkout',
    labels: { alertname: 'HighErrorRate', service: 'checkout', severity: 'page' },
    annotations: { summary: '5xx above 5%' },
    startsAt: T0 - 60_000,
    endsAt: undefined,
    generatorUrl: 'http://prometheus/graph?g0.expr=x',
    source: 'alertmanager',
    ...extra,
  };
}

describe.each(BACKENDS)('incident store contract: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('opens an incident for a new fingerprint and joins later alerts with it', async () => {
    db = await backend.fresh();
    const { incidents } = await db.open();
    const first = await incidents.openOrJoin({ newId: 'INC-1', alert: alert('fp-a'), at: T0 });
    expect(first.created).toBe(true);
    expect(first.incident).toEqual({
      id: 'INC-1',
      title: 'HighErrorRate',
      service: 'checkout',
      status: 'open',
      openedAt: T0,
      asOf: T0,
      resolvedAt: undefined,
      fingerprints: ['fp-a'],
    });
    const again = await incidents.openOrJoin({ newId: 'INC-2', alert: alert('fp-a'), at: T0 + 1000 });
    expect(again).toEqual({ incident: first.incident, created: false });
    expect(await incidents.get('INC-2')).toBeUndefined();
    const alerts = await incidents.alerts('INC-1');
    expect(alerts.map((a) => [a.n, a.fingerprint, a.receivedAt])).toEqual([
      [1, 'fp-a', T0],
      [2, 'fp-a', T0 + 1000],
    ]);
    expect(alerts[0]?.alert).toEqual(alert('fp-a'));
    expect(await incidents.findOpen('fp-a')).toEqual(first.incident);
    expect(await incidents.findOpen('fp-b')).toBeUndefined();
  });

  it('fixes the as-of time once, at opening', async () => {
    db = await backend.fresh();
    const { incidents } = await db.open();
    await incidents.openOrJoin({
      newId: 'INC-1',
      alert: alert('fp'),
      at: T0,
      asOf: T0 - 5000,
      title: 'Checkout errors',
    });
    const joined = await incidents.openOrJoin({ newId: 'X', alert: alert('fp'), at: T0 + 60_000, asOf: T0 + 60_000 });
    expect(joined.incident.asOf).toBe(T0 - 5000);
    expect(joined.incident.title).toBe('Checkout errors');
  });

  it('a storm of one fingerprint from several replicas at once opens exactly one incident', async () => {
    db = await backend.fresh();
    const replicas = await Promise.all([db.open(), db.open(), db.open(), db.open()]);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (replicas[i % 4] as (typeof replicas)[number]).incidents.openOrJoin({
          newId: `INC-${i}`,
          alert: alert('storm'),
          at: T0 + i,
        }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.incident.id)).size).toBe(1);
    const id = results[0]?.incident.id as string;
    const alerts = await replicas[0]?.incidents.alerts(id);
    expect(alerts?.map((a) => a.n)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('groups several fingerprints only when told; resolving frees them for a new incident', async () => {
    db = await backend.fresh();
    const { incidents } = await db.open();
    await incidents.openOrJoin({ newId: 'INC-1', alert: alert('fp-a'), at: T0 });
    const b = await incidents.openOrJoin({ newId: 'INC-2', alert: alert('fp-b', { service: undefined }), at: T0 + 1 });
    expect(b.created).toBe(true);
    expect(b.incident.service).toBeUndefined();
    const resolved = await incidents.resolve('INC-1', T0 + 10_000);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: T0 + 10_000 });
    expect(await incidents.resolve('INC-1', T0 + 20_000)).toMatchObject({ resolvedAt: T0 + 10_000 });
    expect(await incidents.resolve('nope', T0)).toBeUndefined();
    const next = await incidents.openOrJoin({ newId: 'INC-3', alert: alert('fp-a'), at: T0 + 30_000 });
    expect(next.created).toBe(true);
    expect((await incidents.list()).map((i) => i.id)).toEqual(['INC-3', 'INC-2', 'INC-1']);
    expect((await incidents.list({ status: 'open' })).map((i) => i.id)).toEqual(['INC-3', 'INC-2']);
    expect((await incidents.list({ status: 'resolved', limit: 1 })).map((i) => i.id)).toEqual(['INC-1']);
  });

  it('keeps every triage result as a new version, with the incident as-of', async () => {
    db = await backend.fresh();
    const { incidents } = await db.open();
    await incidents.openOrJoin({ newId: 'INC-1', alert: alert('fp'), at: T0 });
    expect(await incidents.latestTriage('INC-1')).toBeUndefined();
    const report = {
      confidence: 'high',
      hypotheses: [{ id: 'h1', service: 'payments', score: 7.5, evidence: ['e1'] }],
    };
    const v1 = await incidents.saveTriage('INC-1', { at: T0 + 5000, report });
    const v2 = await incidents.saveTriage('INC-1', { at: T0 + 9000, report: { ...report, confidence: 'medium' } });
    expect(v1).toEqual({ incidentId: 'INC-1', version: 1, createdAt: T0 + 5000, asOf: T0, report });
    expect(v2.version).toBe(2);
    expect(await incidents.latestTriage('INC-1')).toEqual(v2);
    await expect(incidents.saveTriage('INC-404', { at: T0, report })).rejects.toThrow(/no incident/);
  });
});
