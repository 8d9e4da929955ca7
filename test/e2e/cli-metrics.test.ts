import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCauseway } from '../support/run-causeway.ts';

let root: string;
const AS_OF = Date.UTC(2026, 10, 20, 14, 30, 0);

/** A bundle with only an alert on `web` and metrics.ndjson (one series a line, a sample a minute). */
function metricsBundle(name: string, lines: readonly string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'alert.json'),
    JSON.stringify({
      version: '4',
      status: 'firing',
      receiver: 'causeway',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'HighLatency', service: 'web', severity: 'critical' },
          annotations: { summary: 'web is slow' },
          startsAt: new Date(AS_OF).toISOString(),
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint: 'abc',
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'metrics.ndjson'), `${lines.join('\n')}\n`);
  return dir;
}

/** An hour of samples, one a minute up to 2 minutes after the alert; `after` from 3 minutes before it. */
function series(labels: Record<string, string>, before: number, after: number): string {
  const values: [number, string][] = [];
  for (let m = -60; m <= 2; m++) {
    const wobble = (((m * 7919) % 7) + 7) % 7;
    values.push([(AS_OF + m * 60_000) / 1000, String((m >= -3 ? after : before) * (1 + wobble / 100))]);
  }
  return JSON.stringify({ metric: labels, values });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'causeway-metrics-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('metrics in a bundle (metrics.ndjson)', () => {
  it('a metrics-only bundle ranks the service whose own memory ran up, with the series as evidence', async () => {
    const dir = metricsBundle('memory', [
      series({ __name__: 'http_request_duration_seconds_p90', service: 'web' }, 0.2, 0.26),
      series(
        { __name__: 'container_memory_working_set_bytes', pod: 'cart-7d9f8c6b5-x2x4q', container: 'cart' },
        2e8,
        9e8,
      ),
      series({ __name__: 'container_cpu_usage_percent', pod: 'search-7d9f8c6b5-x2x4q', container: 'search' }, 30, 30),
    ]);
    const r = await runCauseway(['triage', '--bundle', dir, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.hypotheses[0]).toMatchObject({ service: 'cart', kind: 'resource_exhaustion' });
    const ev = out.hypotheses[0].evidence.find((e: { source: string }) => e.source === 'metrics');
    expect(ev.summary).toMatch(/memory \(container_memory_working_set_bytes\) rose/);
    expect(out.hypotheses.map((h: { service: string }) => h.service)).not.toContain('search');
  });

  it('a bad metrics line is INPUT_INVALID naming the file, line and field', async () => {
    const dir = metricsBundle('bad', [
      series({ __name__: 'up', service: 'web' }, 1, 1),
      JSON.stringify({ metric: { __name__: 'up' }, values: [[1, 1]] }),
    ]);
    const r = await runCauseway(['triage', '--bundle', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'causeway triage: INPUT_INVALID: metrics.ndjson:2: field values[0][1]: the value must be a decimal string ("1.5", "NaN", "+Inf")',
    );
  });
});
