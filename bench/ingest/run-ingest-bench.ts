// Webhook ingestion benchmark, loopback only, bounded in count and time.
//   node bench/ingest/run-ingest-bench.ts [--alerts 20000] [--concurrency 8] [--batch 1] [--storm 10000] [--storm-seconds 60]
//     [--services 20] [--max-seconds 120] [--json]
// 1. Sustained: --alerts alerts in Alertmanager deliveries of --batch alerts each, from --concurrency keep-alive clients against
//    a real `causeway serve` (SQLite, investigations on): accepted alerts/s, p50/p99 latency, server RSS.
// 2. Storm: --storm alerts spread evenly over --storm-seconds for --services services (distinct pods, one
//    environment) → incidents, investigations, alerts stored (nothing lost), p99.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { percentile } from './percentile.ts';
import { serveChild } from './serve-child.ts';

const { values: a } = parseArgs({
  options: {
    alerts: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '8' },
    batch: { type: 'string', default: '1' },
    storm: { type: 'string', default: '10000' },
    'storm-seconds': { type: 'string', default: '60' },
    services: { type: 'string', default: '20' },
    'max-seconds': { type: 'string', default: '120' },
    json: { type: 'boolean', default: false },
  },
});
const TOKEN = 'bench-token-0123456789abcdef';
const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const maxMs = Number(a['max-seconds']) * 1000;

function body(i: number, service: string, startsAt: string, batch = 1): string {
  return JSON.stringify({
    receiver: 'causeway',
    status: 'firing',
    alerts: Array.from({ length: batch }, (_, k) => ({
      status: 'firing',
      labels: { alertname: 'HighErrorRate', service, env: 'prod', pod: `${service}-${i}-${k}` },
      annotations: { summary: `${service} 5xx rate above 5%` },
      startsAt,
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus/graph',
      fingerprint: (i * batch + k).toString(16).padStart(16, '0'),
    })),
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    version: '4',
    groupKey: '{}',
    truncatedAlerts: 0,
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** One POST over a keep-alive connection (node:http: a lighter client than fetch, so the server gets the CPU). */
function send(url: string, b: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const u = new URL(`${url}/webhooks/alerts/alertmanager`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TOKEN}`,
          'content-length': Buffer.byteLength(b),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', reject);
    req.end(b);
  });
}

async function triagesDone(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let n = 0;
  for (const m of text.matchAll(/^causeway_triage_duration_seconds_count\{[^}]*\} (\d+)/gm)) n += Number(m[1]);
  return n;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

async function withServer<T>(fn: (url: string, pid: number | undefined, db: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-ingest-bench-'));
  const db = join(dir, 'db.sqlite');
  const s = await serveChild({
    CAUSEWAY_STORAGE_URL: `sqlite:${db}`,
    CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: TOKEN,
    CAUSEWAY_SOURCES_BUNDLE_DIR: EXAMPLE,
    CAUSEWAY_INSTANCE_ID: 'bench',
  });
  try {
    return await fn(s.url, s.child.pid, db);
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function counts(db: string) {
  const s = await openStorage(`sqlite:${db}`, { clock: Date.now });
  if (!s.ok) throw new Error(s.error.message);
  const incidents = await s.value.incidents.list({ limit: 10_000 });
  let alerts = 0;
  let triaged = 0;
  let investigations = 0;
  for (const i of incidents) {
    alerts += (await s.value.incidents.alerts(i.id)).length;
    if (await s.value.incidents.latestTriage(i.id)) triaged++;
    if (await s.value.effects.get(`investigation:${i.id}`)) investigations++;
  }
  await s.value.close();
  return { incidents: incidents.length, alerts, triaged, investigations };
}

async function sustained() {
  const total = Number(a.alerts);
  const conc = Number(a.concurrency);
  const batch = Number(a.batch);
  const services = Number(a.services);
  return withServer(async (url, pid) => {
    // Warm-up (JIT, SQLite pages), not counted.
    const startsAt = new Date().toISOString();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => send(url, body(10_000_000 + i, `svc-${i % services}`, startsAt))),
    );
    // The warm-up opened one incident per service; their investigations (CPU-bound triage in this
    // process) finish before the measurement, which is then the steady state of a storm: every alert
    // joins an open incident. (The storm case below measures with the investigations running.)
    const end = performance.now() + 60_000;
    while (performance.now() < end && (await triagesDone(url)) < services) await new Promise((r) => setTimeout(r, 200));
    const lat: number[] = [];
    let ok = 0;
    let next = 0;
    let peak = rssMb(pid);
    const t0 = performance.now();
    const rss = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
    await Promise.all(
      Array.from({ length: conc }, async () => {
        while (next * batch < total && performance.now() - t0 < maxMs) {
          const i = next++;
          const r = await send(url, body(i, `svc-${i % services}`, startsAt, batch));
          lat.push(r.ms);
          if (r.status === 202) ok += batch;
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    clearInterval(rss);
    return {
      batch,
      concurrency: conc,
      sent: lat.length * batch,
      accepted: ok,
      seconds: Math.round(secs * 100) / 100,
      alertsPerSecond: Math.round(ok / secs),
      p50ms: Math.round(percentile(lat, 50) * 100) / 100,
      p99ms: Math.round(percentile(lat, 99) * 100) / 100,
      peakRssMb: peak,
    };
  });
}

async function storm() {
  const total = Number(a.storm);
  const spanMs = Number(a['storm-seconds']) * 1000;
  const services = Number(a.services);
  return withServer(async (url, pid, db) => {
    const lat: number[] = [];
    let ok = 0;
    const t0 = performance.now();
    const inflight = new Set<Promise<void>>();
    for (let i = 0; i < total; i++) {
      const due = (i / total) * spanMs;
      const wait = due - (performance.now() - t0);
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (performance.now() - t0 > maxMs) break;
      // Each alert started when it was sent (a storm unfolding), one of --services services.
      const p = send(url, body(i, `svc-${i % services}`, new Date().toISOString())).then((r) => {
        lat.push(r.ms);
        if (r.status === 202) ok++;
      });
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    }
    await Promise.all(inflight);
    const sendSeconds = (performance.now() - t0) / 1000;
    // Let the investigations finish (bounded).
    let c = await counts(db);
    const end = performance.now() + 60_000;
    while (c.triaged < c.incidents && performance.now() < end) {
      await new Promise((r) => setTimeout(r, 500));
      c = await counts(db);
    }
    return {
      sent: lat.length,
      accepted: ok,
      sendSeconds: Math.round(sendSeconds * 10) / 10,
      p50ms: Math.round(percentile(lat, 50) * 100) / 100,
      p99ms: Math.round(percentile(lat, 99) * 100) / 100,
      peakRssMb: rssMb(pid),
      ...c,
      lost: ok - c.alerts,
    };
  });
}

const result = { sustained: await sustained(), storm: await storm() };
if (a.json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const s = result.sustained;
  const t = result.storm;
  process.stdout.write(
    [
      `sustained (${s.batch} alert(s) per delivery, ${s.concurrency} clients): ${s.accepted}/${s.sent} alerts accepted in ${s.seconds} s = ${s.alertsPerSecond} alerts/s, request p50 ${s.p50ms} ms, p99 ${s.p99ms} ms, peak RSS ${s.peakRssMb} MB`,
      `storm: ${t.accepted}/${t.sent} accepted over ${t.sendSeconds} s, p50 ${t.p50ms} ms, p99 ${t.p99ms} ms → ${t.incidents} incidents, ${t.investigations} investigations (${t.triaged} triaged), ${t.alerts} alerts stored, lost ${t.lost}, RSS ${t.peakRssMb} MB`,
      '',
    ].join('\n'),
  );
}
