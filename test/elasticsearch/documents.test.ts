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

  it('spans converted from other tracers (status only in attributes) read back the same, both schemas', () => {
    const attr = (key: string, value: unknown) => ({ key, value });
    const sp = (i: number, kind: number, attributes: unknown[]) => ({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: `b7ad6b716920333${i}`,
      name: 'op',
      kind,
      startTimeUnixNano: '1763647200001500000',
      endTimeUnixNano: '1763647200010000000',
      attributes,
    });
    const request = {
      resourceSpans: [
        {
          resource: { attributes: [attr('service.name', { stringValue: 'cart' })] },
          scopeSpans: [
            {
              spans: [
                sp(1, 3, [
                  attr('otel.status_code', { stringValue: 'ERROR' }),
                  attr('otel.status_description', { stringValue: 'connection refused' }),
                  attr('peer.service', { stringValue: 'redis' }),
                ]),
                sp(2, 2, [attr('error', { boolValue: true })]),
                sp(3, 3, [attr('rpc.grpc.status_code', { intValue: '14' })]),
                sp(4, 2, [attr('rpc.grpc.status_code', { intValue: '5' })]),
                sp(5, 3, [attr('error', { stringValue: 'read: connection reset by peer' })]),
              ],
            },
          ],
        },
      ],
    };
    const parsed = parseOtlpRequest(request);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.map((x) => x.status)).toEqual(['error', 'error', 'error', 'unset', 'error']);
    for (const schema of ['elastic-apm', 'otel'] as const) {
      const docs = spanDocs(otlpSeedSpans(request, 0), schema).map(
        (d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>,
      );
      expect(docs.map((d) => esSpanRecord(d, TRACE_SCHEMAS[schema]))).toEqual(parsed.value);
    }
    // An OTel-native document as an exporter writes it (status Unset, the gRPC code in attributes).
    const raw = {
      '@timestamp': '2026-11-20T14:00:00.001500000Z',
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: 'b7ad6b7169203339',
      name: 'grpc.Cart/Get',
      kind: 'Client',
      duration: 8_500_000,
      status: { code: 'Unset' },
      resource: { attributes: { 'service.name': 'cart' } },
      attributes: { 'rpc.grpc.status_code': 14 },
    };
    expect(esSpanRecord(raw, TRACE_SCHEMAS.otel)?.status).toBe('error');
  });

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
