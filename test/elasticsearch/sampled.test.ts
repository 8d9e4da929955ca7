import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEsClient } from '../../src/adapters/elasticsearch/create-es-client.ts';
import { createEsLogSource } from '../../src/adapters/elasticsearch/create-es-log-source.ts';
import { createEsQuery } from '../../src/adapters/elasticsearch/create-es-query.ts';
import { createEsTraceSource } from '../../src/adapters/elasticsearch/create-es-trace-source.ts';
import { esSettingsFromConfig } from '../../src/adapters/elasticsearch/es-settings-from-config.ts';
import { openBundle } from '../../src/adapters/files/open-bundle.ts';
import { DEFAULT_INVESTIGATE_OPTIONS } from '../../src/app/investigate-options.ts';
import type { SeriesQuery } from '../../src/core/ports.ts';
import { generateFixtures } from '../sim/generate-fixtures.ts';
import { dropPrefix, esUrl, seed, testConfig, testPrefix, triageEs, triageFiles } from '../support/elasticsearch.ts';
import { writeMiniBundle } from '../support/mini-bundle.ts';

// Above the read caps the connectors answer from aggregations and bounded samples. Forced here
// with low caps: the aggregated series equal the files' (where levels and span kinds are
// explicit), and with every log line sampled and traces over 2 000 spans aggregated (windows
// under that read whole), the ranking keeps its leader on most bundles and what travels stays
// bounded.
const SAMPLED = testConfig('elasticsearch:\n  fullReadMaxLogs: 1\n  fullReadMaxSpans: 1\n');
const WINDOWS = testConfig('elasticsearch:\n  fullReadMaxLogs: 1\n  fullReadMaxSpans: 2000\n');
let root: string;
let dirs: string[];
let mini: string;
const prefix = testPrefix('smp');

beforeAll(async () => {
  const fx = generateFixtures(4300);
  root = fx.root;
  mini = writeMiniBundle(join(root, 'mini'));
  dirs = [...fx.dirs, mini];
  await Promise.all(dirs.map((d, i) => seed(esUrl(), d, `${prefix}${i}-`, i % 2 ? 'otel' : 'elastic-apm')));
}, 180_000);

afterAll(async () => {
  if (root) rmSync(root, { recursive: true, force: true });
  await dropPrefix(esUrl(), prefix);
});

describe('Elasticsearch above the read caps', () => {
  it('series from aggregations equal the files on the mini bundle (levels and kinds explicit)', async () => {
    const b = await openBundle(mini);
    if (!b.ok) throw new Error(b.error.message);
    const o = DEFAULT_INVESTIGATE_OPTIONS;
    const from = b.value.asOf - o.lookbackMs;
    const buckets = Math.ceil((b.value.asOf + o.graceMs - from) / o.bucketMs);
    const q: SeriesQuery = { range: { from, to: from + buckets * o.bucketMs }, bucketMs: o.bucketMs };
    const i = dirs.indexOf(mini);
    const s = esSettingsFromConfig(SAMPLED.elasticsearch, {
      url: esUrl(),
      prefix: `${prefix}${i}-`,
      traceSchema: i % 2 ? 'otel' : 'elastic-apm',
    });
    if (!s) throw new Error('no settings');
    const client = createEsClient({ url: esUrl(), requestTimeoutMs: 10_000 });
    const es = createEsQuery(client, 10_000);
    const signal = new AbortController().signal;
    try {
      const logs = await createEsLogSource(es, s).series(q, signal);
      const fileLogs = await b.value.logs.series(q, signal);
      expect(logs).toEqual(fileLogs);
      const traces = await createEsTraceSource(es, s).series(q, new Map(), signal);
      const fileTraces = await b.value.traces.series(q, new Map(), signal);
      if (traces.state !== 'ok' || fileTraces.state !== 'ok') throw new Error('no trace series');
      expect([...traces.value.keys()].sort()).toEqual([...fileTraces.value.keys()].sort());
      for (const [svc, t] of fileTraces.value) {
        const e = traces.value.get(svc);
        expect(e?.requests, svc).toEqual(t.requests);
        expect(e?.requestErrors, svc).toEqual(t.requestErrors);
        for (const [k, v] of (e?.latencySum ?? []).entries()) expect(v).toBeCloseTo(t.latencySum[k] as number, 6);
      }
      expect(es.transfer.docs).toBeLessThan(10); // aggregations only
    } finally {
      await client.close();
    }
  });

  it('keeps the leading hypothesis on most bundles, moving a bounded number of documents', async () => {
    const rows: string[] = [];
    let same = 0;
    for (const [i, dir] of dirs.entries()) {
      const files = await triageFiles(dir);
      const { report, transfer } = await triageEs(
        esUrl(),
        dir,
        `${prefix}${i}-`,
        i % 2 ? 'otel' : 'elastic-apm',
        WINDOWS,
      );
      expect(Object.values(report.sources).every((x) => x.state === 'ok')).toBe(true);
      const a = files.hypotheses[0]?.service;
      const b = report.hypotheses[0]?.service;
      if (a === b) same++;
      rows.push(
        `${dir.split('/').at(-1)}: files ${a}, sampled ${b}, ${transfer.docs} docs in ${transfer.requests} requests`,
      );
      expect(transfer.requests).toBeLessThan(25);
      expect(transfer.docs).toBeLessThan(40_000);
    }
    expect(same, rows.join('\n')).toBeGreaterThanOrEqual(dirs.length - 2);
  });
});
