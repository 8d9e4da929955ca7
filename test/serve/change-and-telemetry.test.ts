import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { runCauseway } from '../support/run-causeway.ts';
import { CASES, WEBHOOK_ENV } from './support/payloads.ts';
import { type ServeProcess, startServe } from './support/start-serve.ts';
import { waitFor } from './support/wait-for.ts';

const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
let dir: string;
let collector: Server;
let collectorUrl: string;
const exported: { names: string[]; contentType: string | undefined }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-change-'));
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const doc = JSON.parse(body) as {
        resourceSpans: { scopeSpans: { spans: { name: string }[] }[] }[];
      };
      exported.push({
        contentType: req.headers['content-type'],
        names: doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((x) => x.name))),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  const a = collector.address();
  collectorUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/v1/traces`;
});

afterAll(async () => {
  await new Promise((r) => collector.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('causeway change record', () => {
  it('writes a deploy straight to storage, and reports a bad flag by name', async () => {
    const db = `sqlite:${join(dir, 'direct.sqlite')}`;
    const r = await runCauseway(
      [
        'change',
        'record',
        '--service',
        'checkout',
        '--version',
        '1.42.0',
        '--environment',
        'prod',
        '--started-at',
        '2026-11-24T10:00:00Z',
        '--json',
      ],
      { CAUSEWAY_STORAGE_URL: db },
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ type: 'deploy', service: 'checkout', version: '1.42.0', environment: 'prod' });
    const s = await openStorage(db, { clock: Date.now });
    if (!s.ok) throw new Error(s.error.message);
    expect(await s.value.changes.get(doc.id)).toMatchObject({
      service: 'checkout',
      version: '1.42.0',
      status: 'succeeded',
    });
    await s.value.close();
    const bad = await runCauseway(
      ['change', 'record', '--service', 's', '--version', 'v', '--started-at', 'yesterday'],
      {
        CAUSEWAY_STORAGE_URL: db,
      },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--started-at');
    const missing = await runCauseway(['change', 'record', '--service', 's'], { CAUSEWAY_STORAGE_URL: db });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--version is required');
  });
});

describe('serve with OTLP export', () => {
  let serve: ServeProcess;
  beforeAll(async () => {
    serve = await startServe({
      ...WEBHOOK_ENV,
      CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'serve.sqlite')}`,
      CAUSEWAY_SOURCES_BUNDLE_DIR: EXAMPLE,
      CAUSEWAY_TELEMETRY_OTLP_ENDPOINT: collectorUrl,
    });
  });

  it('change record --server posts a signed change; a triage exports its spans by OTLP; shutdown flushes them', async () => {
    const r = await runCauseway(
      ['change', 'record', '--service', 'cart', '--version', '3.1.0', '--server', serve.url],
      {
        CAUSEWAY_WEBHOOK_CHANGES_HMAC_SECRET: WEBHOOK_ENV.CAUSEWAY_WEBHOOK_CHANGES_HMAC_SECRET as string,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const am = CASES.find((c) => c.name === 'alertmanager');
    if (!am) throw new Error('no alertmanager case');
    const body = JSON.stringify(am.body(Date.now(), 1));
    const res = await fetch(`${serve.url}${am.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...am.auth(body, 0) },
      body,
    });
    expect(res.status).toBe(202);
    await waitFor('the triage', async () => {
      const m = await (await fetch(`${serve.url}/metrics`)).text();
      return /causeway_triage_duration_seconds_count\{outcome="succeeded"\} 1/.test(m) ? true : undefined;
    });
    expect(await serve.stop()).toBe(0);
    const names = exported.flatMap((e) => e.names);
    expect(exported[0]?.contentType).toBe('application/json');
    for (const n of ['causeway.webhook', 'causeway.triage', 'causeway.connector.query', 'causeway.rank'])
      expect(names, n).toContain(n);
    const s = await openStorage(`sqlite:${join(dir, 'serve.sqlite')}`, { clock: Date.now });
    if (!s.ok) throw new Error(s.error.message);
    const changes = await s.value.changes.list({ from: 0, to: Date.now() + 60_000 }, 'cart');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ version: '3.1.0' });
    await s.value.close();
  });
});
