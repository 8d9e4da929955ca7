import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMiniBundle } from '../support/mini-bundle.ts';
import { findPromtool, runPrometheus } from '../support/prometheus.ts';
import { runCauseway } from '../support/run-causeway.ts';
import { MINI_AS_OF, writeBundleMetrics } from '../support/write-bundle-metrics.ts';

let root: string;
let bundle: string;
let series: number;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'causeway-seed-prom-'));
  bundle = writeMiniBundle(join(root, 'bundle'));
  series = writeBundleMetrics(bundle, 3);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('causeway seed --prometheus', () => {
  it('turns metrics.ndjson into TSDB blocks and prints the one prometheus command that serves them', async () => {
    const out = join(root, 'prom');
    const r = await runCauseway(['seed', '--bundle', bundle, '--prometheus', out, '--promtool', findPromtool()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^${join(out, 'data')}: ${series} series, \\d+ samples from 2026-11-20T12:\\d\\d:`),
    );
    expect(lines[1]).toBe('serve them with:');
    const command = (lines[2] as string).trim().split(' ');
    expect(command[0]).toBe('prometheus');
    expect(command).toContain('--web.listen-address=127.0.0.1:9090');
    // Run exactly that command line (on a free port instead of 9090) and read the series back.
    const prom = await runPrometheus((listen) =>
      command.slice(1).map((a) => (a.startsWith('--web.listen-address=') ? `--web.listen-address=${listen}` : a)),
    );
    try {
      const res = await fetch(`${prom.url}/api/v1/series`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          'match[]': '{__name__!=""}',
          start: String(MINI_AS_OF / 1000 - 7200),
          end: String(MINI_AS_OF / 1000),
        }).toString(),
      });
      const body = (await res.json()) as { data: { __name__: string }[] };
      expect(body.data).toHaveLength(series);
      expect(body.data.map((s) => s.__name__)).toContain('http_server_errors_total');
    } finally {
      await prom.stop();
    }
  });

  it('a bad metrics line is INPUT_INVALID naming the file, line and field; a missing promtool is SEED_REJECTED', async () => {
    const bad = writeMiniBundle(join(root, 'bad'));
    writeFileSync(join(bad, 'metrics.ndjson'), '{"metric":{"__name__":"up"},"values":[[1,"1"]]}\n{"metric":{}}\n');
    const r = await runCauseway([
      'seed',
      '--bundle',
      bad,
      '--prometheus',
      join(root, 'p2'),
      '--promtool',
      findPromtool(),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'causeway seed: INPUT_INVALID: metrics.ndjson:2: field values: expected an array of [unix seconds, "value"] pairs',
    );
    const missing = await runCauseway([
      'seed',
      '--bundle',
      bundle,
      '--prometheus',
      join(root, 'p3'),
      '--promtool',
      'no-such-promtool',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(
      'causeway seed: SEED_REJECTED: no-such-promtool not found: install promtool (Debian package prometheus) or pass --promtool PATH',
    );
  });
});
