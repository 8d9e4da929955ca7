import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/adapters/storage/migrations/migrations.ts';
import { triageReportJson } from '../../src/core/formats/triage-report-json.ts';
import type { Alert } from '../../src/core/model/alert.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';
import type { SourcesOrigin } from '../../src/core/sources/triage-sources.ts';
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

const REPORT: TriageReport = {
  asOf: T0,
  alerts: [
    alert('fp', { labels: { alertname: 'HighErrorRate', service: 'checkout', namespace: 'shop' }, endsAt: T0 + 1000 }),
  ],
  windows: {
    baseline: { from: T0 - 3_600_000, to: T0 - 600_000 },
    incident: { from: T0 - 600_000, to: T0 + 60_000 },
    onset: T0 - 300_000,
    onsetReason: 'error rate of checkout rose',
  },
  sources: {
    logs: { state: 'ok' },
    traces: { state: 'no-data', detail: 'no spans' },
    changes: { state: 'failed', code: 'ES_UNAVAILABLE', detail: 'timeout' },
    metrics: { state: 'ok', detail: '3 series' },
  },
  hypotheses: [
    {
      id: 'h1',
      service: 'payments',
      kind: 'deploy',
      changeId: 'c1',
      score: 7.5,
      probability: 0.8,
      evidence: [
        {
          id: 'e1',
          source: 'changes',
          kind: 'deploy',
          service: 'payments',
          summary: 'deployed 2 min before',
          stance: 'supports',
          data: { minutesBefore: 2, version: 'v2', canary: false, note: null },
          traceIds: ['abc'],
          link: 'https://ci/1',
          changeId: 'c1',
        },
      ],
      reasons: [{ rule: 'deploy-before-onset', points: 4, text: 'a deploy 2 min before the onset' }],
    },
  ],
  confidence: 'high',
  summary: 'payments deploy c1',
  changes: [
    {
      id: 'c1',
      type: 'deploy',
      service: 'payments',
      startedAt: T0 - 420_000,
      finishedAt: undefined,
      environment: 'production',
      version: 'v2',
      previousVersion: 'v1',
      status: undefined,
      author: 'ci',
      commit: undefined,
      url: 'https://ci/1',
      description: undefined,
    },
  ],
};
const ORIGIN: SourcesOrigin = { kind: 'bundle', id: 'b1', dir: '/tmp/b1' };

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

  it('the group key has its own column: the alert keeps its own fingerprint, found by either', async () => {
    db = await backend.fresh();
    const { incidents } = await db.open();
    const r = await incidents.openOrJoin({ newId: 'INC-1', alert: alert('fp-a'), groupKey: 'grp-k-1', at: T0 });
    expect(r.incident.fingerprints).toEqual(['fp-a']);
    const b = await incidents.openOrJoin({ newId: 'INC-2', alert: alert('fp-b'), groupKey: 'grp-k-1', at: T0 + 1 });
    expect(b).toMatchObject({ created: false, incident: { id: 'INC-1', fingerprints: ['fp-a', 'fp-b'] } });
    // The same alert under another key (delivered by another path, or in a later window) joins its incident.
    const again = await incidents.openOrJoin({ newId: 'INC-3', alert: alert('fp-a'), groupKey: 'fp-a', at: T0 + 2 });
    expect(again).toMatchObject({ created: false, incident: { id: 'INC-1' } });
    expect((await incidents.findOpen('fp-b'))?.id).toBe('INC-1');
    expect((await incidents.findOpenGroup('grp-k-1'))?.id).toBe('INC-1');
    expect(await incidents.findOpenGroup('fp-a')).toBeUndefined();
    expect((await incidents.alerts('INC-1')).map((a) => [a.fingerprint, a.alert.fingerprint, a.groupKey])).toEqual([
      ['fp-a', 'fp-a', 'grp-k-1'],
      ['fp-b', 'fp-b', 'grp-k-1'],
      ['fp-a', 'fp-a', 'grp-k-1'],
    ]);
    await incidents.resolve('INC-1', T0 + 3);
    expect(await incidents.findOpen('fp-a')).toBeUndefined();
    expect(await incidents.findOpenGroup('grp-k-1')).toBeUndefined();
    const next = await incidents.openOrJoin({ newId: 'INC-4', alert: alert('fp-a'), groupKey: 'grp-k-1', at: T0 + 4 });
    expect(next.created).toBe(true);
  });

  it('incidents written before the group key had its own column read with their own fingerprints', async () => {
    db = await backend.fresh();
    // The schema and rows of the earlier code: a grouped alert stored under its group key, its own
    // fingerprint in an annotation; an ungrouped one under its fingerprint.
    await (await db.open({ migrations: MIGRATIONS.filter((m) => m.version <= 2) })).close();
    const raw = await db.raw();
    const old = (fp: string, key: string) => ({
      ...alert(key),
      annotations: { summary: '5xx above 5%', ...(key !== fp ? { 'causeway.fingerprint': fp } : {}) },
    });
    for (const [id, key, fps] of [
      ['INC-OLD', 'grp-abc-7', ['fp-x', 'fp-y', 'fp-x']],
      ['INC-SOLO', 'fp-solo', ['fp-solo']],
    ] as const) {
      await raw.run(
        `INSERT INTO incidents (id, title, service, status, opened_at, as_of, resolved_at, updated_at)
         VALUES ($1, 'HighErrorRate', 'checkout', 'open', $2, $2, NULL, $2)`,
        [id, T0],
      );
      await raw.run('INSERT INTO open_fingerprints (fingerprint, incident_id) VALUES ($1, $2)', [key, id]);
      await raw.run(
        `INSERT INTO incident_fingerprints (incident_id, fingerprint, first_n, first_seen, last_seen, alerts)
         VALUES ($1, $2, 1, $3, $4, $5)`,
        [id, key, T0, T0 + fps.length - 1, fps.length],
      );
      for (const [i, fp] of fps.entries())
        await raw.run(
          'INSERT INTO incident_alerts (incident_id, n, fingerprint, received_at, alert) VALUES ($1, $2, $3, $4, $5)',
          [id, i + 1, key, T0 + i, JSON.stringify(old(fp, key))],
        );
    }
    const { incidents } = await db.open();
    expect((await incidents.get('INC-OLD'))?.fingerprints).toEqual(['fp-x', 'fp-y']);
    expect((await incidents.get('INC-SOLO'))?.fingerprints).toEqual(['fp-solo']);
    const alerts = await incidents.alerts('INC-OLD');
    expect(alerts.map((a) => [a.fingerprint, a.alert.fingerprint, a.groupKey])).toEqual([
      ['fp-x', 'fp-x', 'grp-abc-7'],
      ['fp-y', 'fp-y', 'grp-abc-7'],
      ['fp-x', 'fp-x', 'grp-abc-7'],
    ]);
    expect(alerts[0]?.alert.annotations).toEqual({ summary: '5xx above 5%' });
    expect((await incidents.findOpen('fp-y'))?.id).toBe('INC-OLD');
    expect((await incidents.findOpenGroup('grp-abc-7'))?.id).toBe('INC-OLD');
    expect((await incidents.findOpen('fp-solo'))?.id).toBe('INC-SOLO');
    // New alerts join the old incidents by group key or by fingerprint.
    const joined = await incidents.openOrJoin({ newId: 'N1', alert: alert('fp-z'), groupKey: 'grp-abc-7', at: T0 + 9 });
    expect(joined).toMatchObject({
      created: false,
      incident: { id: 'INC-OLD', fingerprints: ['fp-x', 'fp-y', 'fp-z'] },
    });
    expect((await incidents.openOrJoin({ newId: 'N2', alert: alert('fp-solo'), at: T0 + 9 })).incident.id).toBe(
      'INC-SOLO',
    );
  });

  it('keeps every triage result as a new version, with the incident as-of', async () => {
    db = await backend.fresh();
    const { incidents } = await db.open();
    await incidents.openOrJoin({ newId: 'INC-1', alert: alert('fp'), at: T0 });
    expect(await incidents.latestTriage('INC-1')).toBeUndefined();
    const v1 = await incidents.saveTriage('INC-1', { at: T0 + 5000, report: REPORT, origin: ORIGIN });
    const v2 = await incidents.saveTriage('INC-1', { at: T0 + 9000, report: { ...REPORT, confidence: 'medium' } });
    expect(v1).toEqual({
      incidentId: 'INC-1',
      version: 1,
      createdAt: T0 + 5000,
      asOf: T0,
      report: REPORT,
      origin: ORIGIN,
    });
    expect(v2.version).toBe(2);
    expect(await incidents.latestTriage('INC-1')).toEqual(v2);
    await expect(incidents.saveTriage('INC-404', { at: T0, report: REPORT })).rejects.toThrow(/no incident/);
  });

  it('reads the stored report back whole: alerts with labels and annotations, evidence, changes, origin', async () => {
    db = await backend.fresh();
    const { incidents } = await db.open();
    await incidents.openOrJoin({ newId: 'INC-1', alert: alert('fp'), at: T0 });
    await incidents.saveTriage('INC-1', { at: T0 + 5000, report: REPORT, origin: ORIGIN });
    const back = await incidents.latestTriage('INC-1');
    expect(back?.report).toEqual(REPORT);
    expect(back?.report.alerts[0]?.labels.namespace).toBe('shop');
    expect(back?.origin).toEqual(ORIGIN);
  });

  it('reads triage rows written before the alerts were kept whole (no labels: empty ones)', async () => {
    db = await backend.fresh();
    const { incidents } = await db.open();
    await incidents.openOrJoin({ newId: 'INC-1', alert: alert('fp'), at: T0 });
    const raw = await db.raw();
    // Exactly what the earlier code stored: `causeway triage --json` plus the origin.
    const old = { ...triageReportJson(REPORT), origin: ORIGIN };
    await raw.run(
      'INSERT INTO triage_results (incident_id, version, created_at, as_of, report) VALUES ($1, $2, $3, $4, $5)',
      ['INC-1', 1, T0 + 5000, T0, JSON.stringify(old)],
    );
    const back = await incidents.latestTriage('INC-1');
    expect(back?.origin).toEqual(ORIGIN);
    expect(back?.report.hypotheses).toEqual(REPORT.hypotheses);
    expect(back?.report.windows).toEqual(REPORT.windows);
    expect(back?.report.alerts).toEqual([
      {
        ...REPORT.alerts[0],
        labels: {},
        annotations: {},
        endsAt: undefined,
        generatorUrl: undefined,
        source: 'unknown',
      },
    ]);
    expect(back?.report.changes).toBeUndefined();
  });

  it('a damaged triage row is an error naming the incident, the version and the field', async () => {
    db = await backend.fresh();
    const { incidents } = await db.open();
    await incidents.openOrJoin({ newId: 'INC-1', alert: alert('fp'), at: T0 });
    const raw = await db.raw();
    const bad = { ...triageReportJson(REPORT), hypotheses: [{ id: 'h1' }] };
    await raw.run(
      'INSERT INTO triage_results (incident_id, version, created_at, as_of, report) VALUES ($1, $2, $3, $4, $5)',
      ['INC-1', 1, T0, T0, JSON.stringify(bad)],
    );
    await expect(incidents.latestTriage('INC-1')).rejects.toThrow(
      /incident INC-1, version 1\): hypotheses\.0\.service/,
    );
  });
});
