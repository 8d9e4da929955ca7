import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_BINDINGS } from '../../src/core/config/env-bindings.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const compose = parse(readFileSync(`${ROOT}deploy/compose.yaml`, 'utf8')) as {
  'x-causeway': { environment: Record<string, string>; env_file: { path: string; required: boolean }[] };
  services: Record<string, { image?: string }>;
  configs: { nginx: { content: string } };
};
const envExample = readFileSync(`${ROOT}deploy/env.example`, 'utf8');

/** nginx (Debian nginx-light, installed by scripts/provision-tests.sh) or NGINX_BIN. */
const NGINX = [process.env.NGINX_BIN, '/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => p && existsSync(p));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** A replica stand-in: answers every request with `status`, recording method, path and body. */
type Replica = { server: Server; port: number; seen: { method: string; path: string; body: string }[]; status: number };
async function replica(status: number): Promise<Replica> {
  const r: Replica = { server: createServer(), port: 0, seen: [], status };
  r.server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.seen.push({ method: req.method ?? '', path: req.url ?? '', body: Buffer.concat(chunks).toString() });
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(`{"status":${r.status}}`);
    });
  });
  await new Promise<void>((ok) => r.server.listen(0, '127.0.0.1', ok));
  const a = r.server.address();
  r.port = typeof a === 'object' && a ? a.port : 0;
  return r;
}

describe('deploy/compose.yaml', () => {
  it('runs the Elasticsearch version the tests run (scripts/services.sh)', () => {
    const tested = /es_version="\$\{ES_VERSION:-([\d.]+)\}"/.exec(readFileSync(`${ROOT}scripts/services.sh`, 'utf8'));
    expect(tested?.[1]).toBeDefined();
    expect(compose.services.elasticsearch?.image).toBe(`docker.elastic.co/elasticsearch/elasticsearch:${tested?.[1]}`);
  });

  it('passes deploy/.env to the replicas and never sets a CAUSEWAY_ variable to an empty value', () => {
    const x = compose['x-causeway'];
    expect(x.env_file).toEqual([{ path: '.env', required: true }]);
    // `${X:-}` would give Causeway an empty value, which its configuration refuses (CONFIG_INVALID).
    for (const [name, value] of Object.entries(x.environment)) expect(value, name).not.toMatch(/:-\}/);
    expect(compose.services['causeway-1']).toBeDefined();
    expect(compose.services['causeway-2']).toBeDefined();
  });

  it('deploy/env.example names the Slack channel variables, and only variables Causeway reads', () => {
    expect(envExample).toMatch(/^#?CAUSEWAY_SLACK_INCIDENT_CHANNEL=/m);
    expect(envExample).toMatch(/^#?CAUSEWAY_SLACK_ALERT_CHANNELS=/m);
    const known = new Set([...ENV_BINDINGS.map((b) => b.env), 'CAUSEWAY_CONFIG', 'CAUSEWAY_INSTANCE_ID']);
    const named = [...envExample.matchAll(/^#?(CAUSEWAY_[A-Z0-9_]+)=/gm)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(8);
    expect(named.filter((n) => !known.has(n))).toEqual([]);
  });
});

describe("the compose file's nginx, run for real in front of two stand-in replicas", () => {
  let dir: string;
  let nginx: ChildProcess;
  let url: string;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    if (!NGINX)
      throw new Error(
        'nginx not found: apt-get install nginx-light (scripts/provision-tests.sh does), or set NGINX_BIN',
      );
    [a, b] = await Promise.all([replica(503), replica(202)]);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    dir = mkdtempSync(join(tmpdir(), 'causeway-nginx-'));
    chmodSync(dir, 0o777); // nginx workers run as nobody when the test runs as root
    // The compose file's config, with Compose's `$$` unescaped and the service names made local.
    const site = compose.configs.nginx.content
      .replaceAll('$$', '$')
      .replace('causeway-1:8080', `127.0.0.1:${a.port}`)
      .replace('causeway-2:8080', `127.0.0.1:${b.port}`)
      .replace('listen 8080;', `listen 127.0.0.1:${port};`);
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log;`,
        'events { worker_connections 64; }',
        'http {',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
        site,
        '}',
      ].join('\n'),
    );
    nginx = spawn(NGINX as string, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const up = await new Promise<boolean>((ok) => {
        const s = connect(port, '127.0.0.1', () => ok(s.end() && true)).on('error', () => ok(false));
      });
      if (up) break;
      if (Date.now() > deadline || nginx.exitCode !== null)
        throw new Error(
          `nginx did not start: ${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const gone = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await gone;
    }
    await Promise.all([a, b].filter(Boolean).map((r) => new Promise((ok) => r.server.close(ok))));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });

  it('a webhook POST answered 503 by one replica (nothing kept) is sent again to the other, body intact', async () => {
    a.status = 503;
    b.status = 202;
    a.seen.length = 0;
    b.seen.length = 0;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post('/webhooks/alerts/alertmanager', `{"n":${i}}`)).status);
    expect(statuses).toEqual([202, 202, 202, 202]);
    // Round robin sent some first attempts to the 503 replica; each was retried on the other.
    expect(a.seen.length).toBeGreaterThan(0);
    expect(b.seen.map((s) => s.body)).toEqual(['{"n":0}', '{"n":1}', '{"n":2}', '{"n":3}']);
    expect(a.seen.every((s) => s.method === 'POST' && s.path === '/webhooks/alerts/alertmanager')).toBe(true);
  });

  it('tries two replicas at most: when both answer 503, the sender gets 503 (and retries later itself)', async () => {
    a.status = 503;
    b.status = 503;
    a.seen.length = 0;
    b.seen.length = 0;
    expect((await post('/webhooks/changes/github', '{}')).status).toBe(503);
    expect(a.seen.length + b.seen.length).toBe(2);
  });

  it('a POST outside /webhooks/ is not retried (only the idempotent intake is)', async () => {
    a.status = 503;
    b.status = 202;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post('/other', '{}')).status);
    expect(statuses).toContain(503);
    expect(statuses).toContain(202);
  });
});
