import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { seedPrometheusBlocks } from '../../src/runtime/prometheus/seed-prometheus-blocks.ts';
import { writeMiniBundle } from '../support/mini-bundle.ts';
import { findPromtool, type Prometheus, startPrometheus } from '../support/prometheus.ts';
import { writeBundleMetrics } from '../support/write-bundle-metrics.ts';
import { type ServeProcess, startServe } from './support/start-serve.ts';
import { waitFor } from './support/wait-for.ts';

const TOKEN = 'alertmanager-prom-token-0123456789';
const PROM_TOKEN = 'prometheus-bearer-token-0123456789';
let dir: string;
let prom: Prometheus;
let serve: ServeProcess;
let storage: Storage;
let alertBody: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-serve-prom-'));
  // The metrics live only in Prometheus; the bundle folder serve reads has logs, traces and changes.
  const withMetrics = writeMiniBundle(join(dir, 'with-metrics'));
  writeBundleMetrics(withMetrics);
  const seeded = await seedPrometheusBlocks(withMetrics, join(dir, 'tsdb'), {
    promtool: findPromtool(),
    timeoutMs: 60_000,
  });
  if (!seeded.ok) throw new Error(seeded.error.message);
  prom = await startPrometheus(join(dir, 'tsdb'));
  const bundle = writeMiniBundle(join(dir, 'bundle'));
  alertBody = readFileSync(join(bundle, 'alert.json'), 'utf8');
  serve = await startServe({
    CAUSEWAY_LOG_LEVEL: 'debug',
    CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    CAUSEWAY_SOURCES_BUNDLE_DIR: bundle,
    CAUSEWAY_PROMETHEUS_URL: prom.url,
    CAUSEWAY_PROMETHEUS_BEARER_TOKEN: PROM_TOKEN,
    CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: TOKEN,
  });
  const opened = await openStorage(`sqlite:${join(dir, 'db.sqlite')}`, { clock: Date.now });
  if (!opened.ok) throw new Error(opened.error.message);
  storage = opened.value;
}, 90_000);

afterAll(async () => {
  await storage?.close();
  await serve?.stop();
  await prom?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('causeway serve with prometheus.url', () => {
  it('an Alertmanager webhook is triaged with the metrics from Prometheus, linked to its graph, the token never logged', async () => {
    const res = await fetch(`${serve.url}/webhooks/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: alertBody,
    });
    expect(res.status).toBeLessThan(300);
    const incident = await waitFor('the incident', async () => (await storage.incidents.list({ limit: 5 }))[0]);
    const triage = await waitFor('the triage', () => storage.incidents.latestTriage(incident.id));
    expect(triage.report.sources.metrics).toEqual({ state: 'ok' });
    const metricEvidence = triage.report.hypotheses.flatMap((h) => h.evidence).filter((e) => e.source === 'metrics');
    expect(metricEvidence.map((e) => e.service)).toEqual(expect.arrayContaining(['cart', 'payment']));
    for (const e of metricEvidence) expect(e.link?.startsWith(`${prom.url}/graph?g0.expr=`)).toBe(true);
    expect(serve.output()).not.toContain(PROM_TOKEN);
  });

  it('/readyz checks that Prometheus answers queries', async () => {
    const res = await fetch(`${serve.url}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { checks: { name: string; ok: boolean; detail?: string }[] };
    expect(body.checks.find((c) => c.name === 'prometheus')).toEqual({
      name: 'prometheus',
      ok: true,
      detail: prom.url,
    });
  });

  it('/readyz with Prometheus alone, and down: not ready, naming the URL; no "no triage source" complaint', async () => {
    const down = await startServe({
      CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'down.sqlite')}`,
      CAUSEWAY_PROMETHEUS_URL: 'http://127.0.0.1:1',
      CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: TOKEN,
    });
    try {
      const res = await fetch(`${down.url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { checks: { name: string; ok: boolean; detail?: string }[] };
      expect(body.checks.map((c) => c.name)).not.toContain('sources');
      const check = body.checks.find((c) => c.name === 'prometheus');
      expect(check?.ok).toBe(false);
      expect(check?.detail).toMatch(/^SOURCE_UNAVAILABLE: prometheus http:\/\/127\.0\.0\.1:1\/api\/v1\/query: /);
    } finally {
      await down.stop();
    }
  });
});
