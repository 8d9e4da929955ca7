// `causeway serve` under slow unauthenticated bodies, loopback only, bounded in count and time (issue 16).
//   node bench/serve/slow-bodies.ts [--connections 1000] [--body-bytes 1048576] [--seconds 20] [--auth none|forged]
//     [--probe-ms 200] [--max-seconds 60] [--main path/to/src/main.ts] [--json]
// --connections clients each announce a --body-bytes body to POST /webhooks/alerts/generic and send it evenly
// over --seconds (opened 50 every 50 ms): with --auth none they carry no credential (the probe), with
// --auth forged a well-formed signature that cannot match (an attacker who knows the format but not the
// secret: those bodies are read). Meanwhile a correctly signed alert is sent every --probe-ms on its own
// connection. Reports the server's RSS (before, peak, after), the signed requests' latency and statuses, and
// how the slow clients ended. --main runs another checkout's src/main.ts (e.g. the code before the fix).
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '../ingest/percentile.ts';

const { values: a } = parseArgs({
  options: {
    connections: { type: 'string', default: '1000' },
    'body-bytes': { type: 'string', default: '1048576' },
    seconds: { type: 'string', default: '20' },
    auth: { type: 'string', default: 'none' },
    'probe-ms': { type: 'string', default: '200' },
    'max-seconds': { type: 'string', default: '60' },
    main: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const N = Number(a.connections);
const BODY = Number(a['body-bytes']);
const SECONDS = Number(a.seconds);
const TICK_MS = 250;
const AUTH = a.auth === 'forged' ? 'forged' : 'none';
const MAIN = a.main ? resolve(a.main) : new URL('../../src/main.ts', import.meta.url).pathname;
const SECRET = 'bench-generic-hmac-0123456789abcdef';
const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

async function startServe(dir: string): Promise<{ port: number; child: ChildProcess; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [MAIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: {
      ...process.env,
      CAUSEWAY_LOG_LEVEL: 'info',
      CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      CAUSEWAY_WEBHOOK_GENERIC_HMAC_SECRET: SECRET,
      CAUSEWAY_SOURCES_BUNDLE_DIR: EXAMPLE,
      CAUSEWAY_INSTANCE_ID: 'bench',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.on('exit', r));
  let out = '';
  const port = await new Promise<number>((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`serve did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"http:\/\/127\.0\.0\.1:(\d+)"[^\n]*"msg":"causeway serve listening"/.exec(out);
      if (m) {
        clearTimeout(t);
        ok(Number(m[1]));
      }
    });
    void exited.then((c) => fail(new Error(`serve exited (${c}): ${out}`)));
  });
  child.stdout?.resume();
  return { port, child, exited };
}

const signedAlert = () => {
  const body = JSON.stringify({
    alerts: [
      {
        name: 'BenchProbe',
        status: 'firing',
        service: 'bench-probe',
        startsAt: new Date(Date.now() - 5000).toISOString(),
      },
    ],
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = createHmac('sha256', SECRET).update(`${ts}.`).update(body).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-causeway-timestamp': ts,
      'x-causeway-signature': `sha256=${sig}`,
    },
  };
};

/** One signed alert on its own connection: latency (ms) and status (0: no answer). */
function probe(port: number): Promise<{ ms: number; status: number }> {
  const { body, headers } = signedAlert();
  const t0 = performance.now();
  return new Promise((done) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/webhooks/alerts/generic',
      method: 'POST',
      headers,
      agent: false,
    });
    req.setTimeout(10_000, () => req.destroy());
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => done({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
    });
    req.on('error', () => done({ ms: performance.now() - t0, status: 0 }));
    req.end(body);
  });
}

type Slow = { socket: Socket; sent: number; outcome?: string };

function openSlow(port: number, outcomes: Map<string, number>, live: Set<Slow>): void {
  const auth =
    AUTH === 'forged'
      ? `X-Causeway-Timestamp: ${Math.floor(Date.now() / 1000)}\r\nX-Causeway-Signature: sha256=${'0'.repeat(64)}\r\n`
      : '';
  const s: Slow = { socket: connect(port, '127.0.0.1'), sent: 0 };
  const end = (outcome: string) => {
    if (s.outcome) return;
    s.outcome = outcome;
    live.delete(s);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    s.socket.destroy();
  };
  s.socket.on('connect', () => {
    s.socket.write(
      `POST /webhooks/alerts/generic HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${BODY}\r\n${auth}\r\n`,
    );
    live.add(s);
  });
  s.socket.on('data', (d: Buffer) => end(/^HTTP\/1\.1 (\d{3})/.exec(d.toString('latin1'))?.[1] ?? 'garbled'));
  s.socket.on('error', () => end('reset'));
  s.socket.on('close', () => end(s.sent >= BODY ? 'closed after the body' : 'closed'));
}

async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-slow-bodies-'));
  const serve = await startServe(dir);
  const pid = serve.child.pid;
  const deadline = Date.now() + Number(a['max-seconds']) * 1000;
  try {
    for (let i = 0; i < 5; i++) await probe(serve.port); // warm-up: JIT, SQLite pages, the first incident
    await sleep(2000);
    const before = rssMb(pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(pid));
    }, 100);
    const outcomes = new Map<string, number>();
    const live = new Set<Slow>();
    const chunk = Buffer.alloc(Math.ceil(BODY / ((SECONDS * 1000) / TICK_MS)), 'x');
    const writer = setInterval(() => {
      for (const s of live) {
        const n = Math.min(chunk.length, BODY - s.sent);
        if (n <= 0) continue;
        s.sent += n;
        s.socket.write(n === chunk.length ? chunk : chunk.subarray(0, n));
      }
    }, TICK_MS);
    const probes: { ms: number; status: number }[] = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        probes.push(await probe(serve.port));
        await sleep(Number(a['probe-ms']));
      }
    })();
    const t0 = Date.now();
    for (let i = 0; i < N; i += 50) {
      for (let k = i; k < Math.min(N, i + 50); k++) openSlow(serve.port, outcomes, live);
      await sleep(50);
    }
    while ([...outcomes.values()].reduce((x, y) => x + y, 0) < N && Date.now() < deadline) await sleep(100);
    const loadSeconds = (Date.now() - t0) / 1000;
    probing = false;
    await prober;
    clearInterval(writer);
    for (const s of live) s.socket.destroy();
    await sleep(5000);
    clearInterval(sampler);
    const after = rssMb(pid);
    const lat = probes.map((p) => p.ms);
    const statuses: Record<string, number> = {};
    for (const p of probes) statuses[p.status] = (statuses[p.status] ?? 0) + 1;
    return {
      main: a.main ?? 'this checkout',
      auth: AUTH,
      connections: N,
      bodyBytes: BODY,
      loadSeconds: Math.round(loadSeconds * 10) / 10,
      rssMb: { before, peak, after5s: after },
      signed: {
        count: probes.length,
        statuses,
        p50ms: Math.round(percentile(lat, 50) * 10) / 10,
        p95ms: Math.round(percentile(lat, 95) * 10) / 10,
        maxMs: Math.round(Math.max(...lat) * 10) / 10,
      },
      slowClients: Object.fromEntries(outcomes),
    };
  } finally {
    serve.child.kill('SIGTERM');
    await Promise.race([serve.exited, new Promise((r) => setTimeout(r, 30_000).unref())]);
    rmSync(dir, { recursive: true, force: true });
  }
}

const r = await run();
if (a.json) console.log(JSON.stringify(r));
else {
  console.log(
    `serve ${r.main}: ${r.connections} slow ${r.bodyBytes}-byte bodies (auth: ${r.auth}), ${r.loadSeconds} s`,
  );
  console.log(`  RSS: ${r.rssMb.before} MB before, ${r.rssMb.peak} MB peak, ${r.rssMb.after5s} MB 5 s after`);
  console.log(
    `  signed alerts during the load: ${r.signed.count}, statuses ${JSON.stringify(r.signed.statuses)}, p50 ${r.signed.p50ms} ms, p95 ${r.signed.p95ms} ms, max ${r.signed.maxMs} ms`,
  );
  console.log(`  slow clients ended: ${JSON.stringify(r.slowClients)}`);
}
