// Triage time from a real Prometheus as the number of series grows (issue 18; goal: < 5 s at 10^5
// series). Seeds Prometheus (Debian package prometheus, or PROMETHEUS_BIN / PROMTOOL_BIN) with
// promtool from synthetic series, then runs a metrics-only triage (`investigate` with the
// Prometheus source) several times and reports the median wall time, once with the default series
// budget (2,000) and once reading every series.
//
//   node bench/metrics/prometheus-range.ts [--sizes 1e4,1e5] [--runs 5] [--step 300]
//
// Each size: size/50 services (svc-00000 …), 50 series each (10 metric names × 5 instances), a
// sample every --step seconds from 100 minutes before the alert to 3 minutes after it. One service,
// svc-payment, has an error counter whose rate jumps 5 minutes before the alert.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPrometheusClient } from '../../src/adapters/prometheus/create-prometheus-client.ts';
import { createPrometheusMetricSource } from '../../src/adapters/prometheus/create-prometheus-metric-source.ts';
import type { PrometheusSettings } from '../../src/adapters/prometheus/prometheus-settings.ts';
import { seriesToOpenMetrics } from '../../src/adapters/prometheus/series-to-openmetrics.ts';
import { serviceLabelSelectors } from '../../src/adapters/prometheus/service-label-selectors.ts';
import { investigate } from '../../src/app/investigate.ts';
import { DEFAULT_INVESTIGATE_OPTIONS } from '../../src/app/investigate-options.ts';
import type { MetricSeries } from '../../src/core/metrics/metric-series.ts';
import type { Alert } from '../../src/core/model/alert.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1e4,1e5' },
    runs: { type: 'string', default: '5' },
    step: { type: 'string', default: '300' },
  },
});
const sizes = (values.sizes as string).split(',').map(Number);
const runs = Number(values.runs);
const stepMs = Number(values.step) * 1000;
const bin = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const promtool = process.env.PROMTOOL_BIN ?? join(dirname(bin), 'promtool');
if (!existsSync(bin)) throw new Error(`${bin} not found: apt-get install prometheus, or set PROMETHEUS_BIN`);

const AS_OF = Date.UTC(2026, 10, 20, 14, 30, 0);
const ONSET = AS_OF - 5 * 60_000;
const NAMES = [
  'http_server_errors_total',
  'http_requests_total',
  'http_request_duration_seconds_p99',
  'process_resident_memory_bytes',
  'process_cpu_seconds_total',
  'go_goroutines',
  'db_pool_connections_active',
  'queue_depth',
  'gc_pause_seconds_p99',
  'cache_hit_ratio',
];

function synthetic(size: number): MetricSeries[] {
  const out: MetricSeries[] = [];
  const services = Math.max(1, Math.round(size / 50));
  for (let s = 0; s < services; s++) {
    const service = s === Math.floor(services / 2) ? 'svc-payment' : `svc-${String(s).padStart(5, '0')}`;
    for (const name of NAMES)
      for (let i = 0; i < 5; i++) {
        const times: number[] = [];
        const vals: number[] = [];
        let acc = 0;
        for (let t = AS_OF - 100 * 60_000 + ((s * 7 + i) % 60) * 1000; t <= AS_OF + 3 * 60_000; t += stepMs) {
          const wobble = 1 + (((t / 1000 + s * 13 + i) % 11) - 5) / 100;
          if (name.endsWith('_total')) {
            acc += (service === 'svc-payment' && name.startsWith('http_server_errors') && t >= ONSET ? 50 : 1) * wobble;
            vals.push(acc);
          } else vals.push(100 * wobble);
          times.push(t);
        }
        out.push({ name, labels: { service, instance: `10.0.${s % 250}.${i}:8080` }, service, times, values: vals });
      }
  }
  return out;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

const alert: Alert = {
  fingerprint: 'bench',
  name: 'HighErrorRate',
  status: 'firing',
  service: 'svc-frontend',
  labels: { alertname: 'HighErrorRate', service: 'svc-frontend' },
  annotations: {},
  startsAt: AS_OF,
  endsAt: undefined,
  generatorUrl: undefined,
  source: 'bench',
};

const rows: string[] = [];
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-prom-bench-'));
  try {
    let t = performance.now();
    const series = synthetic(size);
    const { text, samples } = seriesToOpenMetrics(series);
    await writeFile(join(dir, 'om.txt'), text);
    execFileSync(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'om.txt'), join(dir, 'data')], {
      stdio: 'ignore',
      maxBuffer: 1 << 26,
    });
    const seedS = (performance.now() - t) / 1000;
    rmSync(join(dir, 'om.txt'));
    await writeFile(join(dir, 'prometheus.yml'), 'scrape_configs: []\n');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(
      bin,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        '--storage.tsdb.retention.time=100y',
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: 'ignore' },
    );
    t = performance.now();
    while (
      !(await fetch(`${url}/-/ready`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      await new Promise((r) => setTimeout(r, 100));
    const readyS = (performance.now() - t) / 1000;
    try {
      for (const budget of [2000, size]) {
        const settings: PrometheusSettings = {
          url,
          timeoutMs: 30_000,
          seriesBudget: budget,
          pointsBudget: 5_000_000,
          match: serviceLabelSelectors([]),
          queries: [],
          serviceLabels: [],
        };
        const source = createPrometheusMetricSource(settings, createPrometheusClient(settings));
        const times: number[] = [];
        let top = '';
        let status = '';
        for (let r = 0; r < runs; r++) {
          const t0 = performance.now();
          const report = await investigate(
            { metrics: source, options: { ...DEFAULT_INVESTIGATE_OPTIONS, sourceTimeoutMs: 60_000 } },
            [alert],
            AS_OF,
          );
          times.push(performance.now() - t0);
          top = report.hypotheses[0] ? `${report.hypotheses[0].service} (${report.hypotheses[0].kind})` : '(none)';
          status = report.sources.metrics?.state ?? '?';
        }
        rows.push(
          `| ${size.toLocaleString('en')} | ${samples.toLocaleString('en')} | ${budget.toLocaleString('en')} | ${Math.round(median(times))} | ${Math.round(Math.max(...times))} | ${top} | ${status} | ${seedS.toFixed(1)} / ${readyS.toFixed(1)} |`,
        );
        console.error(rows.at(-1));
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(
  '| series in Prometheus | samples | series budget | median triage ms | max ms | top hypothesis | metrics source | seed s / ready s |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | --- | --- | --- |');
for (const r of rows) console.log(r);
