import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esLogRecord } from '../../src/adapters/elasticsearch/es-log-record.ts';
import { esSpanRecord } from '../../src/adapters/elasticsearch/es-span-record.ts';
import { ECS_LOG_FIELDS } from '../../src/adapters/elasticsearch/log-fields.ts';
import { otlpSeedSpans } from '../../src/adapters/elasticsearch/seed/otlp-seed-spans.ts';
import { spanDocs } from '../../src/adapters/elasticsearch/seed/span-docs.ts';
import { splitTime, toMs } from '../../src/adapters/elasticsearch/split-time.ts';
import { TRACE_SCHEMAS } from '../../src/adapters/elasticsearch/trace-schemas.ts';
import { parseEcsLog } from '../../src/core/formats/parse-ecs-log.ts';
import { parseOtlpRequest } from '../../src/core/formats/parse-otlp-request.ts';
import type { SpanRecord } from '../../src/core/model/span-record.ts';
import { generateFixtures } from '../sim/generate-fixtures.ts';

// The documents `causeway seed` writes read back (through JSON, as Elasticsearch returns
// `_source`) into exactly the records the file readers make: same ids, kinds, statuses, peers,
// HTTP statuses, error texts, and start/end times to the last bit of the float.
let root: string;
let dirs: string[];

beforeAll(() => {
  const fx = generateFixtures(4200);
  root = fx.root;
  dirs = fx.dirs;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);

describe('seeded documents read back as the file readers read the files', () => {
  for (const schema of ['elastic-apm', 'otel'] as const) {
    it(`spans, ${schema}`, () => {
      let n = 0;
      for (const dir of dirs) {
        const requests = lines(join(dir, 'traces.ndjson'));
        const fromFile: SpanRecord[] = [];
        const seeds = [];
        for (const r of requests) {
          const parsed = parseOtlpRequest(r);
          if (!parsed.ok) throw new Error(parsed.error.message);
          fromFile.push(...parsed.value);
          seeds.push(...otlpSeedSpans(r, seeds.length));
        }
        const docs = spanDocs(seeds, schema).map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>);
        const fromEs = docs.map((d) => esSpanRecord(d, TRACE_SCHEMAS[schema]));
        expect(fromEs).toEqual(fromFile);
        n += fromEs.length;
      }
      expect(n).toBeGreaterThan(1000);
    });
  }

  it('log lines (flat and nested ECS, pod names, levels in any case)', () => {
    for (const dir of dirs) {
      for (const doc of lines(join(dir, 'logs.ndjson'))) {
        const file = parseEcsLog(doc);
        if (!file.ok) throw new Error(file.error.message);
        expect(esLogRecord(doc as Record<string, unknown>, ECS_LOG_FIELDS)).toEqual(file.value);
      }
    }
  });

  it('nanosecond times: ISO with nine digits and epoch milliseconds', () => {
    expect(splitTime('2026-09-12T17:24:28.042572266Z')).toEqual({
      ms: Date.parse('2026-09-12T17:24:28.042Z'),
      subNs: 572266,
    });
    expect(splitTime('2026-09-12T17:24:28Z')).toEqual({ ms: Date.parse('2026-09-12T17:24:28Z'), subNs: 0 });
    expect(splitTime('2026-09-12T19:24:28.5+02:00')?.ms).toBe(Date.parse('2026-09-12T17:24:28.500Z'));
    const t = splitTime('2026-09-12T17:24:28.042572266Z');
    expect(t && toMs(t)).toBe(Number('1789233868042') + Number('572266') / 1e6);
    expect(splitTime('not a time')).toBeUndefined();
  });
});
