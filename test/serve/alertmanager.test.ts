import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { type Alertmanager, startAlertmanager } from '../support/alertmanager.ts';
import { runCauseway } from '../support/run-causeway.ts';
import { type ServeProcess, startServe } from './support/start-serve.ts';
import { waitFor } from './support/wait-for.ts';

const TOKEN = 'alertmanager-e2e-token-0123456789';

let dir: string;
let serve: ServeProcess;
let am: Alertmanager;
let storage: Storage;
let recorded: { labels: Record<string, string>; annotations: Record<string, string> };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-am-e2e-'));
  // A simulator bundle (seed 3) is the recorded data the triage reads.
  const sim = await runCauseway(['simulate', '--out', join(dir, 'bundles'), '--count', '1', '--seed', '3']);
  expect(sim.code, sim.stderr).toBe(0);
  const body = JSON.parse(readFileSync(join(dir, 'bundles', 'sim-3-000', 'alert.json'), 'utf8'));
  recorded = body.alerts[0];
  serve = await startServe({
    CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    CAUSEWAY_SOURCES_BUNDLE_DIR: join(dir, 'bundles'),
    CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: TOKEN,
  });
  am = await startAlertmanager({ webhookUrl: `${serve.url}/webhooks/alerts/alertmanager`, token: TOKEN });
  const opened = await openStorage(`sqlite:${join(dir, 'db.sqlite')}`, { clock: Date.now });
  if (!opened.ok) throw new Error(opened.error.message);
  storage = opened.value;
}, 90_000);

afterAll(async () => {
  await am?.stop();
  await storage?.close();
  expect(await serve?.stop()).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

describe('a real Prometheus Alertmanager delivers to causeway serve', () => {
  it('a posted alert opens an incident that is triaged once; its resolution resolves the incident', async () => {
    const startsAt = new Date(Date.now() - 30_000).toISOString();
    // The simulated incident's alert, firing now (the bundle source matches it by name and service).
    const alert = {
      labels: recorded.labels,
      annotations: recorded.annotations,
      startsAt,
      generatorURL: 'http://prometheus.example/graph',
    };
    await am.postAlerts([alert]);

    const incident = await waitFor('the incident', async () => (await storage.incidents.list({ limit: 5 }))[0]);
    expect(incident).toMatchObject({
      status: 'open',
      title: recorded.labels.alertname,
      service: recorded.labels.service,
    });
    const [received] = await storage.incidents.alerts(incident.id);
    expect(received?.alert).toMatchObject({
      source: 'alertmanager',
      status: 'firing',
      service: recorded.labels.service,
    });
    // The alert keeps Alertmanager's own fingerprint; the incident's group key has its own column.
    expect(received?.alert.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(received?.groupKey).toMatch(/^grp-[0-9a-f]{16}-\d+$/);

    const triage = await waitFor('the triage', () => storage.incidents.latestTriage(incident.id));
    expect(triage.version).toBe(1);
    expect(triage.report.hypotheses.length).toBeGreaterThan(0);
    expect(triage.origin).toMatchObject({ kind: 'bundle' });

    await am.postAlerts([{ ...alert, endsAt: new Date().toISOString() }]);
    const resolved = await waitFor('the resolution', async () => {
      const i = await storage.incidents.get(incident.id);
      return i?.status === 'resolved' ? i : undefined;
    });
    expect(resolved.resolvedAt).toBeGreaterThan(incident.openedAt);
    const alerts = await storage.incidents.alerts(incident.id);
    expect(alerts.map((a) => a.alert.status)).toEqual(expect.arrayContaining(['firing', 'resolved']));

    const audit = await storage.audit.query({ incidentId: incident.id });
    const actions = audit.map((r) => r.action);
    expect(actions).toContain('incident.opened');
    expect(actions).toContain('hypotheses.produced');
    expect(actions).toContain('incident.resolved');
    expect(actions.filter((a) => a === 'step.started')).toHaveLength(1); // one investigation claim
    expect(await storage.incidents.list({ limit: 10 })).toHaveLength(1);
  });
});
