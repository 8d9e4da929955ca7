import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPrefix, esUrl, seed, testPrefix } from '../support/elasticsearch.ts';
import { closedPort, startFakeEs } from '../support/elasticsearch-fake.ts';
import { writeMiniBundle } from '../support/mini-bundle.ts';
import { runCauseway } from '../support/run-causeway.ts';

// Elasticsearch down, slow, answering errors, or missing an index: each connector returns a typed
// failure within its deadline, the triage completes with the other sources, and the output names
// the gap. Driven through the real CLI (an unhandled rejection would exit 70 with INTERNAL).
let root: string;
let bundle: string;
const prefix = testPrefix('fail');
const TIMEOUTS = { CAUSEWAY_TRIAGE_SOURCE_TIMEOUT_SECONDS: '2', CAUSEWAY_ELASTICSEARCH_REQUEST_TIMEOUT_SECONDS: '1.5' };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'causeway-es-fail-'));
  bundle = writeMiniBundle(join(root, 'mini'));
  await seed(esUrl(), bundle, prefix, 'elastic-apm');
});

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await dropPrefix(esUrl(), prefix);
});

async function triage(url: string, extra: string[] = []) {
  const started = Date.now();
  const r = await runCauseway(
    ['triage', '--alert', join(bundle, 'alert.json'), '--es', url, '--prefix', prefix, ...extra],
    TIMEOUTS,
  );
  return { ...r, ms: Date.now() - started };
}

describe('Elasticsearch failures leave named gaps', () => {
  it('down (connection refused): every source fails fast, naming the server; the triage still completes', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = await triage(url, ['--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const k of ['logs', 'traces', 'changes']) {
      expect(out.sources[k]).toMatchObject({ state: 'failed', code: 'SOURCE_UNAVAILABLE' });
      expect(out.sources[k].detail).toContain(`connection refused to ${url}`);
    }
    expect(out.hypotheses.length).toBeGreaterThan(0); // the alert alone still names a suspect
    expect(r.ms).toBeLessThan(8000);
    const text = await triage(url);
    expect(text.stdout).toMatch(/traces FAILED \([^)]*connection refused to http:\/\/127\.0\.0\.1:\d+/);
  });

  it('slow (traces never answer): traces time out within the source deadline; logs and changes still count', async () => {
    const fake = await startFakeEs(esUrl(), `${prefix}traces`, 'stall');
    try {
      const r = await triage(fake.url, ['--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.sources.traces).toMatchObject({ state: 'failed', code: 'SOURCE_TIMEOUT' });
      expect(out.sources.logs).toEqual({ state: 'ok' });
      expect(out.sources.changes).toEqual({ state: 'ok' });
      expect(out.hypotheses[0]).toMatchObject({ service: 'payment', kind: 'deploy', changeId: 'deploy-payment-42' });
      expect(r.ms).toBeLessThan(10_000);
    } finally {
      await fake.close();
    }
  });

  it('answering errors (HTTP 500 on traces): a typed failure with the server and its reason', async () => {
    const fake = await startFakeEs(esUrl(), `${prefix}traces`, 'error');
    try {
      const r = await triage(fake.url, ['--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.sources.traces).toMatchObject({ state: 'failed', code: 'SOURCE_UNAVAILABLE' });
      expect(out.sources.traces.detail).toContain(`${fake.url} answered 500 search_phase_execution_exception`);
      expect(out.sources.traces.detail).toContain('Data too large');
      expect(out.sources.logs).toEqual({ state: 'ok' });
      expect(out.hypotheses[0]).toMatchObject({ service: 'payment' });
    } finally {
      await fake.close();
    }
  });

  it('a missing index: that source fails naming the pattern; the others answer', async () => {
    const other = testPrefix('missing');
    try {
      await seed(esUrl(), bundle, other, 'otel');
      await fetch(`${esUrl()}/${other}traces-otel-default`, { method: 'DELETE' });
      const r = await runCauseway(
        [
          'triage',
          '--alert',
          join(bundle, 'alert.json'),
          '--es',
          esUrl(),
          '--prefix',
          other,
          '--trace-schema',
          'otel',
          '--json',
        ],
        TIMEOUTS,
      );
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.sources.traces).toMatchObject({ state: 'failed', code: 'SOURCE_UNAVAILABLE' });
      expect(out.sources.traces.detail).toContain(`no index matches ${other}traces-* at ${esUrl()}`);
      expect(out.sources.logs).toEqual({ state: 'ok' });
      expect(out.sources.changes).toEqual({ state: 'ok' });
      expect(out.hypotheses[0]).toMatchObject({ service: 'payment', changeId: 'deploy-payment-42' });
    } finally {
      await dropPrefix(esUrl(), other);
    }
  });

  it('not Elasticsearch at all (no product header): a typed failure', async () => {
    const { createServer } = await import('node:http');
    const s = createServer((_q, res) => res.end('{}'));
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
    try {
      const r = await triage(url, ['--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).sources.logs.detail).toContain(`${url} is not Elasticsearch`);
    } finally {
      s.closeAllConnections();
      s.close();
    }
  });
});
