import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElasticsearchRunner } from '../../src/adapters/executors/create-elasticsearch-runner.ts';
import { elasticsearchDefinition } from '../../src/core/runbooks/executors/elasticsearch-definition.ts';
import { dropPrefix, esUrl, testPrefix } from '../support/elasticsearch.ts';

const ctx = { timeoutMs: 10_000, signal: new AbortController().signal };

describe('elasticsearch executor: one read-only search against a real Elasticsearch, as a table', () => {
  const prefix = testPrefix('runbook');
  const index = `${prefix}logs`;
  beforeAll(async () => {
    const lines = [
      {
        '@timestamp': '2026-07-13T18:10:01Z',
        service: { name: 'checkout' },
        log: { level: 'error' },
        message: 'payment failed: timeout',
      },
      {
        '@timestamp': '2026-07-13T18:10:02Z',
        service: { name: 'checkout' },
        log: { level: 'error' },
        message: 'payment failed: 503',
      },
      {
        '@timestamp': '2026-07-13T18:10:03Z',
        service: { name: 'cart' },
        log: { level: 'error' },
        message: 'other service',
      },
      { '@timestamp': '2026-07-13T18:10:04Z', service: { name: 'checkout' }, log: { level: 'info' }, message: 'ok' },
    ];
    const body = `${lines.map((l) => `{"index":{}}\n${JSON.stringify(l)}`).join('\n')}\n`;
    const r = await fetch(`${esUrl()}/${index}/_bulk?refresh=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(r.ok).toBe(true);
  });
  afterAll(() => dropPrefix(esUrl(), prefix));

  it('renders the query with parameters as JSON strings and prints the hits as a table', async () => {
    const r = elasticsearchDefinition.render(
      {
        index: `${prefix}*`,
        query: {
          bool: { filter: [{ term: { 'service.name': '{{ params.service }}' } }, { term: { 'log.level': 'error' } }] },
        },
        fields: ['@timestamp', 'message'],
        sort: [{ '@timestamp': 'asc' }],
        size: 10,
      },
      { service: 'checkout" } }, {"match_all' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    // The hostile value stayed a JSON string value: no hit matches it.
    const run = createElasticsearchRunner({ url: esUrl(), maxOutputBytes: 10_000 });
    const none = await run(r.value.action, ctx);
    expect(none.output).toBe(`0 of 0 hits in ${prefix}*`);
    const ok = elasticsearchDefinition.render(
      {
        index: `${prefix}*`,
        query: {
          bool: { filter: [{ term: { 'service.name': '{{ params.service }}' } }, { term: { 'log.level': 'error' } }] },
        },
        fields: ['@timestamp', 'message'],
        sort: [{ '@timestamp': 'asc' }],
      },
      { service: 'checkout' },
    );
    if (!ok.ok) throw new Error(JSON.stringify(ok.error));
    const out = await run(ok.value.action, ctx);
    expect(out.status).toBe('succeeded');
    expect(out.output).toBe(
      [
        `2 of 2 hits in ${prefix}*`,
        '@timestamp            message',
        '--------------------  -----------------------',
        '2026-07-13T18:10:01Z  payment failed: timeout',
        '2026-07-13T18:10:02Z  payment failed: 503',
      ].join('\n'),
    );
  });

  it('reports Elasticsearch errors and a missing configuration as failures; index names are checked', async () => {
    const run = createElasticsearchRunner({ url: esUrl(), maxOutputBytes: 10_000 });
    const bad = await run({ index: `${prefix}*`, body: { query: { no_such_query: {} } }, fields: [] }, ctx);
    expect(bad.status).toBe('failed');
    expect(bad.summary).toMatch(/^Elasticsearch answered 400/);
    const off = await createElasticsearchRunner({ url: undefined, maxOutputBytes: 100 })(
      { index: 'x', body: {}, fields: [] },
      ctx,
    );
    expect(off.summary).toBe('elasticsearch.url is not configured');
    for (const index of ['_all', '-x', 'logs/../_security', '.kibana/_doc'])
      expect(elasticsearchDefinition.render({ index, query: {} }, {}).ok, index).toBe(false);
  });
});
