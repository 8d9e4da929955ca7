// Streaming and scale: amplifies a bundle (every log line and every trace copied K times,
// with fresh trace ids and jittered times, so volumes grow while the incident stays the same),
// then triages it in a child process with a capped heap and reports wall time and peak RSS.
//
//   node bench/triage/big-bundle.ts [--bundle examples/webshop-deploy] [--factor 170] [--heap-mb 256] [--out DIR] [--runs 3]
//
// Triage time is measured in the process (as `causeway eval` reports it, from opening the files to
// the ranked result); the process wall time adds Node's start and the loading of Causeway's modules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    bundle: { type: 'string', default: new URL('../../examples/webshop-deploy', import.meta.url).pathname },
    factor: { type: 'string', default: '170' },
    'heap-mb': { type: 'string', default: '256' },
    out: { type: 'string', default: '/tmp/causeway-big' },
    runs: { type: 'string', default: '3' },
  },
});
const src = values.bundle as string;
const factor = Number(values.factor);
const out = join(values.out as string, `x${factor}`);

async function amplify(file: string, each: (line: string, k: number) => string): Promise<void> {
  const w = createWriteStream(join(out, file));
  const rl = createInterface({ input: createReadStream(join(src, file)), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    if (!line.trim()) continue;
    for (let k = 0; k < factor; k++)
      if (!w.write(`${each(line, k)}\n`)) await new Promise<void>((r) => w.once('drain', () => r()));
  }
  await new Promise<void>((r) => w.end(r));
}

const shiftIso = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const hex = (k: number, len: number) => k.toString(16).padStart(len, '0').slice(-len);

if (!existsSync(join(out, 'traces.ndjson'))) {
  mkdirSync(out, { recursive: true });
  for (const f of ['alert.json', 'changes.json', 'truth.json', 'scenario.json'])
    if (existsSync(join(src, f))) copyFileSync(join(src, f), join(out, f));
  await amplify('logs.ndjson', (line, k) => {
    if (k === 0) return line;
    const d = JSON.parse(line);
    const ts = d['@timestamp'];
    d['@timestamp'] = shiftIso(ts, (k * 7) % 997);
    for (const key of ['trace.id']) if (typeof d[key] === 'string') d[key] = hex(k, 8) + d[key].slice(8);
    if (d.trace?.id) d.trace.id = hex(k, 8) + d.trace.id.slice(8);
    return JSON.stringify(d);
  });
  await amplify('traces.ndjson', (line, k) => {
    if (k === 0) return line;
    const jitter = BigInt(((k * 7) % 997) * 1_000_000);
    return line
      .replace(/"traceId":"([0-9a-f]{8})/g, `"traceId":"${hex(k, 8)}`)
      .replace(
        /"(start|end)TimeUnixNano":"(\d+)"/g,
        (_m, which, ns) => `"${which}TimeUnixNano":"${BigInt(ns) + jitter}"`,
      );
  });
}
const size = ['logs.ndjson', 'traces.ndjson'].reduce((s, f) => s + statSync(join(out, f)).size, 0);
const main = new URL('../../src/main.ts', import.meta.url).pathname;
const times: number[] = [];
const triage: number[] = [];
const rss: number[] = [];
let top = '-';
for (let i = 0; i < Number(values.runs); i++) {
  // `eval` triages the bundle and reports the in-process triage time (opening the files included,
  // Node's start and module loading not); /usr/bin/time gives the wall time and peak RSS of it all.
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', process.execPath, `--max-old-space-size=${values['heap-mb']}`, main, 'eval', out, '--json'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) throw new Error(`triage failed: ${r.stderr}`);
  const c = JSON.parse(r.stdout).cases[0];
  top = c.top[0]?.service ?? '-';
  triage.push(c.ms / 1000);
  const [s, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  times.push(s as number);
  rss.push((kb as number) / 1024);
}
const med = (a: number[]) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)] as number;
console.log(
  `bundle ${(size / 1e6).toFixed(0)} MB (×${factor}), heap cap ${values['heap-mb']} MB, ${times.length} runs: ` +
    `triage median ${med(triage).toFixed(2)} s, max ${Math.max(...triage).toFixed(2)} s; ` +
    `process wall median ${med(times).toFixed(1)} s; peak RSS median ${med(rss).toFixed(0)} MB; top ${top}`,
);
