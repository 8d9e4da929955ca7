// Robustness: writes degraded copies of a suite of bundles, the way real exports differ from
// the simulator's, so `causeway eval` can measure what each degradation costs.
//
//   node bench/triage/degrade.ts --in DIR --out DIR [--strip-status] [--strip-kind] [--no-changes]
//        [--baseline-min N] [--baseline-before-onset S] [--skew-ms N] [--pod-names] [--logs-only] [--traces-only]
//        [--lag S] [--gap S] [--bursty-load] [--mix-change]
//
// --strip-status  spans lose status (and HTTP status codes): errors come only from logs
// --strip-kind    span kinds become unspecified
// --no-changes    changes.json removed
// --baseline-min  data older than N minutes before the alert removed (a short baseline)
// --baseline-before-onset  data older than S seconds before the fault's onset removed (from
//                 scenario.json, the simulator's metadata; the triage never reads it): S of baseline
// --skew-ms       each service's clock shifted by a fixed amount within ±N ms
// --pod-names     log service.name replaced by a pod name (checkout → checkout-7d9f8c6b5-x2k4q)
// --logs-only / --traces-only  one source kept (metrics removed with the other)
// --lag S         ingest lag: everything from S seconds before the alert on is removed from every
//                 source, metrics included (at the alert, the newest S seconds have not arrived; nothing later has either)
// --gap S         a recording hole: S seconds of every source removed, ending 2 minutes before the
//                 fault's onset (scenario.json: the simulator's timeline or a real set's inject time;
//                 else the alert)
// --bursty-load   entry traffic arrives in bursts: in every other 30 s, only a third of the traces
//                 (whole traces, with their logs) are kept, in baseline and incident alike
// --mix-change    a different request mix in the baseline: before the fault's onset, 70% of the
//                 traces entering by half of the entry operations (chosen by a hash of the name)
//                 are removed, with their logs
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    'strip-status': { type: 'boolean' },
    'strip-kind': { type: 'boolean' },
    'no-changes': { type: 'boolean' },
    'baseline-min': { type: 'string' },
    'baseline-before-onset': { type: 'string' },
    'skew-ms': { type: 'string' },
    'pod-names': { type: 'boolean' },
    'logs-only': { type: 'boolean' },
    'traces-only': { type: 'boolean' },
    lag: { type: 'string' },
    gap: { type: 'string' },
    'bursty-load': { type: 'boolean' },
    'mix-change': { type: 'boolean' },
  },
});
if (!o.in || !o.out) {
  console.error('usage: node bench/triage/degrade.ts --in DIR --out DIR [options]');
  process.exit(2);
}
const h = (s: string) => createHash('sha256').update(s).digest();
const skewOf = (svc: string) => (o['skew-ms'] ? (h(svc).readUInt16LE(0) / 65535 - 0.5) * 2 * Number(o['skew-ms']) : 0);
const podOf = (svc: string) => {
  const d = h(svc).toString('hex');
  return `${svc}-${d.slice(0, 9).replace(/[aeiou]/g, '7')}-${d.slice(9, 14).replace(/[aeiou]/g, '4')}`;
};

async function eachLine(src: string, dst: string, f: (line: string) => string | undefined): Promise<void> {
  const w = createWriteStream(dst);
  for await (const line of createInterface({ input: createReadStream(src), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    const out = f(line);
    if (out !== undefined && !w.write(`${out}\n`)) await new Promise<void>((r) => w.once('drain', () => r()));
  }
  await new Promise<void>((r) => w.end(r));
}

for (const name of readdirSync(o.in).sort()) {
  const src = join(o.in, name);
  if (!existsSync(join(src, 'alert.json'))) continue;
  const dst = join(o.out, name);
  mkdirSync(dst, { recursive: true });
  for (const f of ['alert.json', 'truth.json', 'scenario.json'])
    if (existsSync(join(src, f))) copyFileSync(join(src, f), join(dst, f));
  if (!o['no-changes'] && existsSync(join(src, 'changes.json')))
    copyFileSync(join(src, 'changes.json'), join(dst, 'changes.json'));
  const alert = JSON.parse(readFileSync(join(src, 'alert.json'), 'utf8'));
  const asOf = Math.min(
    ...alert.alerts
      .filter((a: { status: string }) => a.status === 'firing')
      .map((a: { startsAt: string }) => Date.parse(a.startsAt)),
  );
  const scenario = existsSync(join(src, 'scenario.json'))
    ? JSON.parse(readFileSync(join(src, 'scenario.json'), 'utf8'))
    : undefined;
  const onset = Date.parse(scenario?.timeline?.onset ?? scenario?.fault?.inject_time ?? '');
  const until = o.lag ? asOf - Number(o.lag) * 1000 : Number.POSITIVE_INFINITY;
  const holeTo = (Number.isFinite(onset) ? onset : asOf) - 120_000;
  const holeFrom = o.gap ? holeTo - Number(o.gap) * 1000 : holeTo;
  const dropped = (ts: number) => ts >= until || (ts >= holeFrom && ts < holeTo);
  const droppedTraces =
    (o['bursty-load'] || o['mix-change']) && existsSync(join(src, 'traces.ndjson'))
      ? await tracesToDrop(join(src, 'traces.ndjson'), Number.isFinite(onset) ? onset : asOf - 300_000)
      : new Set<string>();
  const from = o['baseline-min']
    ? asOf - Number(o['baseline-min']) * 60_000
    : o['baseline-before-onset'] && Number.isFinite(onset)
      ? onset - Number(o['baseline-before-onset']) * 1000
      : Number.NEGATIVE_INFINITY;
  if (!o['traces-only'] && existsSync(join(src, 'logs.ndjson'))) {
    await eachLine(join(src, 'logs.ndjson'), join(dst, 'logs.ndjson'), (line) => {
      const d = JSON.parse(line);
      const svc: string = d['service.name'] ?? d.service?.name;
      const ts = Date.parse(d['@timestamp']) + skewOf(svc);
      if (ts < from || dropped(ts)) return undefined;
      const tid: unknown = d['trace.id'] ?? d.trace?.id;
      if (typeof tid === 'string' && droppedTraces.has(tid.toLowerCase())) return undefined;
      d['@timestamp'] = new Date(ts).toISOString();
      if (o['pod-names']) {
        if (d['service.name']) d['service.name'] = podOf(svc);
        else d.service.name = podOf(svc);
      }
      return JSON.stringify(d);
    });
  }
  // Metrics keep their series; the same time filters drop samples (a pod's series under
  // --pod-names is left as it is: metrics name pods already). One source only (--logs-only,
  // --traces-only) drops them too.
  if (!o['logs-only'] && !o['traces-only'] && existsSync(join(src, 'metrics.ndjson'))) {
    await eachLine(join(src, 'metrics.ndjson'), join(dst, 'metrics.ndjson'), (line) => {
      const series = JSON.parse(line) as { values?: [number, string][] };
      series.values = (series.values ?? []).filter(([t]) => t * 1000 >= from && !dropped(t * 1000));
      return series.values.length > 0 ? JSON.stringify(series) : undefined;
    });
  }
  if (!o['logs-only'] && existsSync(join(src, 'traces.ndjson'))) {
    await eachLine(join(src, 'traces.ndjson'), join(dst, 'traces.ndjson'), (line) => {
      const req = JSON.parse(line);
      for (const rs of req.resourceSpans ?? []) {
        const svc =
          rs.resource?.attributes?.find((a: { key: string }) => a.key === 'service.name')?.value?.stringValue ?? '';
        const skew = BigInt(Math.round(skewOf(svc) * 1e6));
        for (const ss of rs.scopeSpans ?? []) {
          // A span is exported when it ends: lag drops what ended too late.
          ss.spans = (ss.spans ?? []).filter(
            (sp: { startTimeUnixNano: string; endTimeUnixNano: string; traceId: string }) => {
              const ts = Number(BigInt(sp.startTimeUnixNano) / 1_000_000n);
              const te = Number(BigInt(sp.endTimeUnixNano) / 1_000_000n);
              return ts >= from && !dropped(ts) && te < until && !droppedTraces.has(String(sp.traceId).toLowerCase());
            },
          );
          for (const sp of ss.spans) {
            sp.startTimeUnixNano = String(BigInt(sp.startTimeUnixNano) + skew);
            sp.endTimeUnixNano = String(BigInt(sp.endTimeUnixNano) + skew);
            if (o['strip-status']) {
              sp.status = {};
              sp.attributes = (sp.attributes ?? []).filter(
                (a: { key: string }) => !/status_code|error\.type/.test(a.key),
              );
              sp.events = [];
            }
            if (o['strip-kind']) sp.kind = 0;
          }
        }
      }
      return JSON.stringify(req);
    });
  }
}

/** The trace ids --bursty-load and --mix-change remove: decided per whole trace from its root span. */
async function tracesToDrop(path: string, onset: number): Promise<Set<string>> {
  const roots = new Map<string, { start: number; name: string }>();
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    for (const rs of JSON.parse(line).resourceSpans ?? [])
      for (const ss of rs.scopeSpans ?? [])
        for (const sp of ss.spans ?? []) {
          const id = String(sp.traceId).toLowerCase();
          const start = Number(BigInt(sp.startTimeUnixNano) / 1_000_000n);
          const cur = roots.get(id);
          // The root: the span without a parent, else the earliest.
          if (!cur || !sp.parentSpanId || start < cur.start) {
            if (!cur || !sp.parentSpanId || cur.name === '')
              roots.set(id, { start, name: sp.parentSpanId ? '' : sp.name });
            else if (start < cur.start) roots.set(id, { ...cur, start });
          }
        }
  }
  const unit = (s: string) => h(s).readUInt32LE(0) / 0xffffffff;
  const out = new Set<string>();
  for (const [id, r] of roots) {
    const quiet = o['bursty-load'] && Math.floor(r.start / 30_000) % 2 === 1 && unit(`b${id}`) > 1 / 3;
    const mixed = o['mix-change'] && r.start < onset && unit(`op${r.name}`) < 0.5 && unit(`m${id}`) < 0.7;
    if (quiet || mixed) out.add(id);
  }
  return out;
}
