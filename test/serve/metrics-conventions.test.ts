import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_ENV } from './support/payloads.ts';
import { type ServeProcess, startServe } from './support/start-serve.ts';

const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

let serve: ServeProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-metrics-'));
  serve = await startServe({
    ...WEBHOOK_ENV,
    CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    CAUSEWAY_SOURCES_BUNDLE_DIR: EXAMPLE,
  });
});

afterAll(async () => {
  expect(await serve?.stop()).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

const metrics = async () => (await fetch(`${serve.url}/metrics`)).text();
const requestSeries = (text: string) =>
  text.split('\n').filter((l) => l.startsWith('causeway_http_request_duration_seconds_count{'));

describe('/metrics follows the Prometheus conventions', () => {
  it('1,000 distinct unknown paths leave the number of request series bounded', async () => {
    await fetch(`${serve.url}/healthz`);
    const before = requestSeries(await metrics()).length;
    // 1,000 requests in 20 rounds of 50, to this test's own server on 127.0.0.1: half unknown paths,
    // half webhook paths naming sources that do not exist.
    for (let round = 0; round < 20; round++) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const n = round * 50 + i;
          const res =
            n % 2 === 0
              ? await fetch(`${serve.url}/no-such-route-${n}`)
              : await fetch(`${serve.url}/webhooks/alerts/nagios-${n}`, { method: 'POST', body: '{}' });
          expect(res.status).toBe(404);
          await res.arrayBuffer();
        }),
      );
    }
    const series = requestSeries(await metrics());
    expect(series.length).toBeLessThanOrEqual(before + 4);
    const routes = new Set(series.map((l) => /route="([^"]*)"/.exec(l)?.[1]));
    for (const r of routes)
      expect([
        '/healthz',
        '/readyz',
        '/metrics',
        '/webhooks/alerts/:source',
        '/webhooks/changes/:source',
        'other',
      ]).toContain(r);
    expect(series.join('\n')).toMatch(/route="other",code="404"\} 500$/m);
    expect(series.join('\n')).toMatch(/route="\/webhooks\/alerts\/:source",code="404"\} 500$/m);
    expect(series.join('\n')).not.toContain('status=');
  });

  it('default process metrics are unprefixed, and causeway_build_info names the version', async () => {
    const text = await metrics();
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).not.toContain('causeway_process_');
    expect(text).not.toContain('causeway_nodejs_');
    expect(text).toContain(`causeway_build_info{version="${VERSION}",node_version="${process.version}"} 1`);
  });
});
