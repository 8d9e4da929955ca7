import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/adapters/config/load-config.ts';
import { openBundle } from '../../../src/adapters/files/open-bundle.ts';
import { createPrometheusClient } from '../../../src/adapters/prometheus/create-prometheus-client.ts';
import { createPrometheusMetricSource } from '../../../src/adapters/prometheus/create-prometheus-metric-source.ts';
import { nameGroupSelectors } from '../../../src/adapters/prometheus/name-group-selectors.ts';
import type { PrometheusSettings } from '../../../src/adapters/prometheus/prometheus-settings.ts';
import { serviceLabelSelectors } from '../../../src/adapters/prometheus/service-label-selectors.ts';
import { investigate } from '../../../src/app/investigate.ts';
import { DEFAULT_INVESTIGATE_OPTIONS } from '../../../src/app/investigate-options.ts';
import type { IncidentCase } from '../../../src/core/incident-case.ts';
import type { MetricSeries } from '../../../src/core/metrics/metric-series.ts';
import type { MetricSource } from '../../../src/core/ports.ts';
import { seedPrometheusBlocks } from '../../../src/runtime/prometheus/seed-prometheus-blocks.ts';
import { triageSourcesFromConfig } from '../../../src/runtime/triage-sources-from-config.ts';
import { writeMiniBundle } from '../../support/mini-bundle.ts';
import { findPromtool, type Prometheus, startPrometheus } from '../../support/prometheus.ts';
import { MINI_AS_OF, writeBundleMetrics } from '../../support/write-bundle-metrics.ts';

let root: string;
let prom: Prometheus;
let bundle: IncidentCase;
let seriesInBundle: number;
const EXTRA = 40;

function settings(over: Partial<PrometheusSettings> = {}): PrometheusSettings {
  return {
    url: prom.url,
    timeoutMs: 10_000,
    seriesBudget: 2000,
    pointsBudget: 2_000_000,
    match: serviceLabelSelectors([]),
    queries: [],
    serviceLabels: [],
    ...over,
  };
}

function source(over: Partial<PrometheusSettings> = {}): MetricSource {
  const s = settings(over);
  return createPrometheusMetricSource(s, createPrometheusClient(s));
}

const triage = (metrics: MetricSource) =>
  investigate(
    {
      logs: bundle.logs,
      traces: bundle.traces,
      changes: bundle.changes,
      metrics,
      options: DEFAULT_INVESTIGATE_OPTIONS,
    },
    bundle.alerts,
    bundle.asOf,
  );

const byIdentity = (list: readonly MetricSeries[]) =>
  [...list].sort((a, b) => (JSON.stringify([a.name, a.labels]) < JSON.stringify([b.name, b.labels]) ? -1 : 1));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'causeway-prom-src-'));
  const dir = writeMiniBundle(join(root, 'bundle'));
  seriesInBundle = writeBundleMetrics(dir, EXTRA);
  const seeded = await seedPrometheusBlocks(dir, join(root, 'tsdb'), { promtool: findPromtool(), timeoutMs: 60_000 });
  if (!seeded.ok) throw new Error(JSON.stringify(seeded.error));
  expect(seeded.value.series).toBe(seriesInBundle);
  prom = await startPrometheus(join(root, 'tsdb'));
  const b = await openBundle(dir);
  if (!b.ok) throw new Error(b.error.message);
  bundle = b.value;
});

afterAll(async () => {
  await prom?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('Prometheus as the metric source, against a real Prometheus seeded from the bundle', () => {
  it('reads the same series, labels, times and values as the bundle file (no resampling, nothing after the range)', async () => {
    const range = { from: MINI_AS_OF - 90 * 60_000, to: MINI_AS_OF + 60_000 };
    const fromFile = await bundle.metrics?.range(range, AbortSignal.timeout(10_000));
    const fromProm = await source().range(range, AbortSignal.timeout(10_000));
    if (fromFile?.state !== 'ok' || fromProm.state !== 'ok') throw new Error(JSON.stringify([fromFile, fromProm]));
    // The node's series has no service label, so Prometheus is not asked for it; the file keeps it.
    const withService = fromFile.value.filter((s) => s.service !== undefined);
    expect(withService.length).toBe(seriesInBundle - 1);
    // The file keeps a series' samples from before the range too; Prometheus is asked for the range.
    const strip = (l: readonly MetricSeries[]) =>
      byIdentity(l).map((s) => {
        const keep = s.times.map((t) => t >= range.from - 1000);
        return { ...s, times: s.times.filter((_, i) => keep[i]), values: s.values.filter((_, i) => keep[i]) };
      });
    const mine = strip(fromProm.value);
    const theirs = strip(withService);
    expect(mine.map((s) => [s.name, s.labels, s.service])).toEqual(theirs.map((s) => [s.name, s.labels, s.service]));
    for (let i = 0; i < mine.length; i++) {
      expect(mine[i]?.times, mine[i]?.name).toEqual(theirs[i]?.times);
      expect(mine[i]?.values, mine[i]?.name).toEqual(theirs[i]?.values);
    }
    expect(Math.max(...fromProm.value.flatMap((s) => s.times))).toBeLessThanOrEqual(range.to);
    expect(fromProm.value.find((s) => s.name === 'http_request_duration_seconds_p99')?.values.some(Number.isNaN)).toBe(
      true,
    );
    expect(fromProm.detail).toBeUndefined();
  });

  it('the same bundle triages identically from files and from Prometheus (same hypotheses, scores and evidence)', async () => {
    const files = await triage(bundle.metrics as MetricSource);
    const live = await triage(source());
    expect(files.sources.metrics).toEqual({ state: 'ok' });
    expect(live.sources.metrics).toEqual({ state: 'ok' });
    // Not vacuous: metrics moved the ranking (cart's memory and payment's errors are evidence).
    const metricEvidence = files.hypotheses.flatMap((h) => h.evidence.filter((e) => e.source === 'metrics'));
    expect(metricEvidence.map((e) => e.service)).toEqual(expect.arrayContaining(['cart', 'payment']));
    expect(live.hypotheses.map((h) => [h.service, h.kind])).toEqual(files.hypotheses.map((h) => [h.service, h.kind]));
    expect(live.hypotheses).toEqual(files.hypotheses);
  });

  it('a series budget overflow is said with the data, and only that many series are read', async () => {
    const r = await source({ seriesBudget: 10 }).range(
      { from: MINI_AS_OF - 90 * 60_000, to: MINI_AS_OF + 60_000 },
      AbortSignal.timeout(10_000),
    );
    if (r.state !== 'ok') throw new Error(JSON.stringify(r));
    expect(r.value).toHaveLength(10);
    // One series a service, services in name order: the four named ones and the first six workers.
    expect(r.value.map((s) => s.service).sort()).toEqual([
      'cart',
      'checkout',
      'frontend',
      'payment',
      ...[0, 1, 2, 3, 4, 5].map((k) => `worker-00${k}`),
    ]);
    expect(r.detail).toBe(
      `${seriesInBundle - 1} series matched; 10 (prometheus.seriesBudget) were read, spread over the services`,
    );
    const triaged = await triage(source({ seriesBudget: 10 }));
    expect(triaged.sources.metrics).toEqual({ state: 'ok', detail: r.detail });
  });

  it('group selectors escape regex and string metacharacters: Prometheus finds exactly the series asked for', async () => {
    const asked = [
      { __name__: 'http_server_errors_total', path: '/pay "v2" \\ x', service: 'payment' },
      { __name__: 'http_server_errors_total', path: 'a|b.*(c)[d]{e}^$+?', service: 'x.y' },
    ];
    const selectors = nameGroupSelectors(asked);
    expect(selectors).toEqual([
      `{__name__="http_server_errors_total",path=~"/pay \\"v2\\" \\\\\\\\ x|a\\\\|b\\\\.\\\\*\\\\(c\\\\)\\\\[d\\\\]\\\\{e\\\\}\\\\^\\\\$\\\\+\\\\?"}`,
    ]);
    const res = await fetch(`${prom.url}/api/v1/series`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        'match[]': selectors[0] as string,
        start: String(MINI_AS_OF / 1000 - 3600),
        end: String(MINI_AS_OF / 1000),
      }).toString(),
    });
    expect(((await res.json()) as { data: unknown[] }).data).toEqual([asked[0]]);
  });

  it('a points budget leaves series out and says so', async () => {
    const r = await source({ pointsBudget: 1000 }).range(
      { from: MINI_AS_OF - 90 * 60_000, to: MINI_AS_OF + 60_000 },
      AbortSignal.timeout(10_000),
    );
    if (r.state !== 'ok') throw new Error(JSON.stringify(r));
    expect(r.value.reduce((n, s) => n + s.times.length, 0)).toBeLessThanOrEqual(1000);
    expect(r.detail).toMatch(/^\d+ series left out past 1000 samples \(prometheus\.pointsBudget\)$/);
  });

  it('configured PromQL is evaluated with query_range at a fitted step; its series carry the configured name and their labels', async () => {
    const r = await source({
      match: [],
      queries: [{ name: 'payment_error_rate', promql: 'sum by (service) (rate(http_server_errors_total[2m]))' }],
    }).range({ from: MINI_AS_OF - 90 * 60_000, to: MINI_AS_OF + 60_000 }, AbortSignal.timeout(10_000));
    if (r.state !== 'ok') throw new Error(JSON.stringify(r));
    expect(r.value).toHaveLength(1);
    const s = r.value[0] as MetricSeries;
    expect(s).toMatchObject({ name: 'payment_error_rate', labels: { service: 'payment' }, service: 'payment' });
    // 91 minutes at ≤ 300 points: a 19 s step (≥ 15 s), the start aligned to it.
    expect(s.times.length).toBeLessThanOrEqual(300);
    expect(s.times.length).toBeGreaterThan(250);
    expect(((s.times[1] as number) - (s.times[0] as number)) / 1000).toBe(19);
    expect(s.values.at(-1)).toBeGreaterThan(15);
    expect(s.values[0]).toBeLessThan(1.5);
  });

  it("bad PromQL is this source's typed failure naming the URL, the HTTP status and Prometheus' errorType and error", async () => {
    const r = await source({ queries: [{ name: 'broken', promql: 'sum(rate(x[5m]' }] }).range(
      { from: MINI_AS_OF - 90 * 60_000, to: MINI_AS_OF },
      AbortSignal.timeout(10_000),
    );
    expect(r).toMatchObject({ state: 'failed', code: 'SOURCE_UNAVAILABLE' });
    if (r.state !== 'failed') return;
    expect(r.detail).toContain(`prometheus ${prom.url}/api/v1/query_range: HTTP 400: bad_data: `);
    expect(r.detail).toMatch(/parse error/);
    expect(r.detail).toMatch(/\(prometheus\.queries broken\)$/);
  });
});

describe('wiring: serve and slack triage read Prometheus when prometheus.url is set', () => {
  it('a bundle without metrics.ndjson plus CAUSEWAY_PROMETHEUS_URL triages with the metrics from Prometheus', async () => {
    const dir = writeMiniBundle(join(root, 'no-metrics'));
    const config = loadConfig({
      env: {
        CAUSEWAY_SOURCES_BUNDLE_DIR: dir,
        // Credentials in the URL become a Basic header (Prometheus without auth ignores it).
        CAUSEWAY_PROMETHEUS_URL: prom.url.replace('http://', 'http://reader:pw-0123456789abcdef@'),
        CAUSEWAY_PROMETHEUS_SERIES_BUDGET: '100',
      },
    });
    if (!config.ok) throw new Error(JSON.stringify(config.error));
    const sources = triageSourcesFromConfig(config.value, root);
    expect(sources.name).toBe(`bundle:${dir}+prometheus:${prom.url}`);
    const opened = await sources.open(bundle.alerts);
    if (!opened.ok) throw new Error(opened.error.message);
    const src = opened.value;
    expect(src.metrics?.name).toBe(`prometheus ${prom.url}`);
    const report = await investigate(
      {
        ...(src.logs ? { logs: src.logs } : {}),
        ...(src.traces ? { traces: src.traces } : {}),
        ...(src.changes ? { changes: src.changes } : {}),
        ...(src.metrics ? { metrics: src.metrics } : {}),
        options: DEFAULT_INVESTIGATE_OPTIONS,
      },
      src.alerts ?? bundle.alerts,
      src.asOf ?? bundle.asOf,
    );
    expect(report.sources.metrics).toEqual({ state: 'ok' });
    const files = await triage(bundle.metrics as MetricSource);
    expect(report.hypotheses).toEqual(files.hypotheses);
    // Each metric finding links to Prometheus' graph of its series; the link's expression finds it.
    const linked = src.link ? src.link(report) : report;
    const ev = linked.hypotheses.flatMap((h) => h.evidence).filter((e) => e.source === 'metrics');
    expect(ev.length).toBeGreaterThan(0);
    for (const e of ev) {
      expect(e.link).toMatch(new RegExp(`^${prom.url}/graph\\?g0\\.expr=`));
      const expr = new URL(e.link as string).searchParams.get('g0.expr') as string;
      const res = await fetch(`${prom.url}/api/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          query: `${expr}[10m]`,
          time: String(report.windows.incident.to / 1000),
        }).toString(),
      });
      const body = (await res.json()) as { data: { result: { metric: Record<string, string> }[] } };
      expect(
        body.data.result.map((r) => r.metric.__name__),
        expr,
      ).toEqual([e.data.metric]);
    }
    await src.close();
  });

  it('Prometheus alone (no bundle, no Elasticsearch) opens a metrics-only triage', async () => {
    const config = loadConfig({ env: { CAUSEWAY_PROMETHEUS_URL: prom.url } });
    if (!config.ok) throw new Error(JSON.stringify(config.error));
    const opened = await triageSourcesFromConfig(config.value, root).open(bundle.alerts);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.logs).toBeUndefined();
    expect(opened.value.origin).toEqual({ kind: 'live', name: `prometheus ${prom.url}` });
    const report = await investigate(
      { metrics: opened.value.metrics as MetricSource, options: DEFAULT_INVESTIGATE_OPTIONS },
      bundle.alerts,
      bundle.asOf,
    );
    expect(report.hypotheses.map((h) => h.service)).toEqual(expect.arrayContaining(['cart', 'payment']));
  });
});

describe('Prometheus failures are failures of that source only', () => {
  let server: Server;
  let base: string;
  const seen: { url: string; authorization: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
        if (req.url?.startsWith('/hang')) return; // never answers
        if (req.url?.startsWith('/down')) {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'too many queries in flight' }));
          return;
        }
        if (req.url?.startsWith('/proxy')) {
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end('<html>Bad Gateway</html>');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'success', data: [] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const a = server.address();
    base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const local = (path: string, over: Partial<PrometheusSettings> = {}) => {
    const s: PrometheusSettings = {
      url: `${base}${path}`,
      timeoutMs: 300,
      seriesBudget: 10,
      pointsBudget: 1000,
      match: ['{service!=""}'],
      queries: [],
      serviceLabels: [],
      ...over,
    };
    return createPrometheusMetricSource(s, createPrometheusClient(s));
  };

  it('no answer within the timeout is SOURCE_TIMEOUT naming the URL, and logs and traces still rank', async () => {
    const started = Date.now();
    const report = await investigate(
      {
        logs: bundle.logs,
        traces: bundle.traces,
        changes: bundle.changes,
        metrics: local('/hang'),
        options: DEFAULT_INVESTIGATE_OPTIONS,
      },
      bundle.alerts,
      bundle.asOf,
    );
    expect(report.sources.metrics).toEqual({
      state: 'failed',
      code: 'SOURCE_TIMEOUT',
      detail: `prometheus ${base}/hang/api/v1/series: no answer within 300 ms (prometheus.timeoutSeconds)`,
    });
    expect(report.sources.logs?.state).toBe('ok');
    expect(report.hypotheses[0]).toMatchObject({ service: 'payment' });
    expect(report.hypotheses.flatMap((h) => h.evidence).some((e) => e.source === 'metrics')).toBe(false);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("a 5xx with Prometheus' error JSON names the status and errorType; a proxy's HTML page the status", async () => {
    const range = { from: MINI_AS_OF - 60_000, to: MINI_AS_OF };
    expect(await local('/down').range(range, AbortSignal.timeout(5000))).toEqual({
      state: 'failed',
      code: 'SOURCE_UNAVAILABLE',
      detail: `prometheus ${base}/down/api/v1/series: HTTP 503: unavailable: too many queries in flight`,
    });
    expect(await local('/proxy').range(range, AbortSignal.timeout(5000))).toEqual({
      state: 'failed',
      code: 'SOURCE_UNAVAILABLE',
      detail: `prometheus ${base}/proxy/api/v1/series: HTTP 502: <html>Bad Gateway</html>`,
    });
  });

  it('sends the bearer token as Authorization, form-encoded match[] and range, and never names the token', async () => {
    seen.length = 0;
    const token = 'prom-token-0123456789abcdef';
    const r = await local('/ok', { authorization: `Bearer ${token}` }).range(
      { from: 1_000_000, to: 2_000_500 },
      AbortSignal.timeout(5000),
    );
    expect(r).toEqual({ state: 'no-data', detail: 'no series matches {service!=""} in the triage range' });
    expect(seen[0]).toEqual({
      url: '/ok/api/v1/series',
      authorization: `Bearer ${token}`,
      body: 'match%5B%5D=%7Bservice%21%3D%22%22%7D&start=1000&end=2000.5',
    });
    const failed = await local('/down', { authorization: `Bearer ${token}` }).range(
      { from: 1_000_000, to: 2_000_000 },
      AbortSignal.timeout(5000),
    );
    expect(JSON.stringify(failed)).not.toContain(token);
  });
});
