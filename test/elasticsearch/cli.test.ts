import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPrefix, esUrl, testPrefix } from '../support/elasticsearch.ts';
import { writeMiniBundle } from '../support/mini-bundle.ts';
import { runCauseway } from '../support/run-causeway.ts';

// causeway seed / triage --alert --es / eval --es through the real entry point.
let root: string;
let bundle: string;
const prefix = testPrefix('cli');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'causeway-es-cli-'));
  bundle = writeMiniBundle(join(root, 'set', 'mini'));
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await dropPrefix(esUrl(), prefix);
});

const indices = async (pattern: string): Promise<string[]> => {
  const r = await fetch(`${esUrl()}/_cat/indices/${pattern}?h=index&format=json`);
  return ((await r.json()) as { index: string }[]).map((x) => x.index).sort();
};

describe('causeway seed, triage --es, eval --es', () => {
  it('seeds a bundle into three indices with explicit mappings, and refuses to overwrite without --replace', async () => {
    const r = await runCauseway([
      'seed',
      '--bundle',
      bundle,
      '--es',
      esUrl(),
      '--prefix',
      prefix,
      '--trace-schema',
      'otel',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const logLines = readFileSync(join(bundle, 'logs.ndjson'), 'utf8').trim().split('\n').length;
    expect(r.stdout).toContain(`${prefix}logs-causeway-default: ${logLines} logs\n`);
    expect(r.stdout).toMatch(new RegExp(`^${prefix}traces-otel-default: \\d+ spans \\(otel\\)$`, 'm'));
    expect(r.stdout).toContain(`${prefix}causeway-changes: 2 changes`);
    const mapping = (await (await fetch(`${esUrl()}/${prefix}traces-otel-default/_mapping`)).json()) as Record<
      string,
      { mappings: { properties: Record<string, { type: string }> } }
    >;
    const props = Object.values(mapping)[0]?.mappings.properties ?? {};
    expect(props['@timestamp']?.type).toBe('date_nanos');
    expect(props.trace_id?.type).toBe('keyword');
    const again = await runCauseway([
      'seed',
      '--bundle',
      bundle,
      '--es',
      esUrl(),
      '--prefix',
      prefix,
      '--trace-schema',
      'otel',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/SEED_REJECTED: index .* already exists .* --replace/);
  });

  it('names the file, line and field of a malformed record, and seeds nothing', async () => {
    const bad = join(root, 'bad');
    cpSync(bundle, bad, { recursive: true });
    const lines = readFileSync(join(bad, 'logs.ndjson'), 'utf8').split('\n');
    lines[2] = JSON.stringify({ '@timestamp': 'yesterday', 'service.name': 'x', message: 'm' });
    writeFileSync(join(bad, 'logs.ndjson'), lines.join('\n'));
    const p = testPrefix('bad');
    const r = await runCauseway(['seed', '--bundle', bad, '--es', esUrl(), '--prefix', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('INPUT_INVALID: logs.ndjson:3: field @timestamp');
    expect(await indices(`${p}*`)).toEqual([]);
  });

  it('triages from Elasticsearch: the same top hypothesis as from files, with links to open', async () => {
    const r = await runCauseway(
      [
        'triage',
        '--alert',
        join(bundle, 'alert.json'),
        '--es',
        esUrl(),
        '--prefix',
        prefix,
        '--trace-schema',
        'otel',
        '--json',
      ],
      { CAUSEWAY_ELASTICSEARCH_KIBANA_URL: 'https://kibana.example' },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sources).toEqual({ logs: { state: 'ok' }, traces: { state: 'ok' }, changes: { state: 'ok' } });
    expect(out.hypotheses[0]).toMatchObject({ service: 'payment', kind: 'deploy', changeId: 'deploy-payment-42' });
    const evidence = out.hypotheses.flatMap((h: { evidence: { source: string; link?: string }[] }) => h.evidence);
    const fromEs = evidence.filter((e: { source: string }) => e.source === 'logs' || e.source === 'traces');
    expect(fromEs.length).toBeGreaterThan(0);
    for (const e of fromEs) expect(e.link).toMatch(/^https:\/\/kibana\.example\/app\/discover#\/\?_g=.*&_a=.*esql/);
    const withTrace = fromEs.find((e: { traceIds?: string[] }) => e.traceIds?.length);
    if (withTrace) expect(decodeURIComponent(withTrace.link)).toContain(`trace_id == "${withTrace.traceIds[0]}"`);
  });

  it('eval --es seeds each bundle into fresh indices, triages it from them, and deletes them', async () => {
    const before = await indices('causeway-eval-*');
    const r = await runCauseway(['eval', join(root, 'set'), '--es', esUrl(), '--json']);
    // stderr has only the progress line of the one bundle (stdout stays the JSON).
    expect(r.stderr).toMatch(/^✓ mini-payment-deploy +truth payment\/deploy .* ms\n$/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ n: 1, ac1: 1 });
    expect(out.cases[0]).toMatchObject({ id: 'mini-payment-deploy', rank: 1 });
    expect(await indices('causeway-eval-*')).toEqual(before);
  });
});
