import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMiniBundle } from '../support/mini-bundle.ts';
import { runCauseway } from '../support/run-causeway.ts';

let root: string;
let bundle: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'causeway-cli-'));
  bundle = writeMiniBundle(join(root, 'mini'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the mini bundle with one file's line replaced. */
function corrupt(name: string, file: string, lineNo: number, line: string): string {
  const dir = join(root, name);
  cpSync(bundle, dir, { recursive: true });
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  lines[lineNo - 1] = line;
  writeFileSync(join(dir, file), lines.join('\n'));
  return dir;
}

describe('causeway triage (CLI end to end)', () => {
  it('prints the spec JSON: asOf and ranked hypotheses with evidence; payment deploy first', async () => {
    const r = await runCauseway(['triage', '--bundle', bundle, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.asOf).toBe('2026-11-20T14:22:00.000Z');
    expect(out.hypotheses[0]).toMatchObject({
      id: 'h1',
      service: 'payment',
      kind: 'deploy',
      changeId: 'deploy-payment-42',
    });
    for (const h of out.hypotheses) {
      expect(Object.keys(h)).toEqual(expect.arrayContaining(['id', 'service', 'kind', 'score', 'evidence', 'reasons']));
      expect(h.evidence.length).toBeGreaterThan(0);
    }
    expect(out.sources).toEqual({
      logs: { state: 'ok' },
      traces: { state: 'ok' },
      changes: { state: 'ok' },
      // A bundle's metrics.ndjson is optional (bundle format 1.1): absent, the source says so.
      metrics: { state: 'no-data', detail: 'metrics.ndjson not present' },
    });
  });

  it('prints a readable report by default', async () => {
    const r = await runCauseway(['triage', '--bundle', bundle]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/h1\. .* payment — deploy \(deploy-payment-42\)/);
    expect(r.stdout).toMatch(/origin-errors: failures start here/);
  });

  it('gives the same output for the same input', async () => {
    const a = await runCauseway(['triage', '--bundle', bundle, '--json']);
    const b = await runCauseway(['triage', '--bundle', bundle, '--json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('works from logs alone and from traces alone (a missing file is "no data")', async () => {
    const logsOnly = writeMiniBundle(join(root, 'logs-only'), { withTraces: false });
    const r1 = await runCauseway(['triage', '--bundle', logsOnly, '--json']);
    expect(r1.code).toBe(0);
    const o1 = JSON.parse(r1.stdout);
    expect(o1.sources.traces).toEqual({ state: 'no-data', detail: 'traces.ndjson not present' });
    expect(o1.hypotheses[0].service).toBe('payment');
    const tracesOnly = writeMiniBundle(join(root, 'traces-only'), { withLogs: false });
    const r2 = await runCauseway(['triage', '--bundle', tracesOnly, '--json']);
    expect(JSON.parse(r2.stdout).hypotheses[0].service).toBe('payment');
  });

  it('fails on a malformed log line naming file, line and field', async () => {
    const dir = corrupt(
      'bad-log',
      'logs.ndjson',
      7,
      JSON.stringify({ '@timestamp': 'noon', 'service.name': 'x', message: 'm' }),
    );
    const r = await runCauseway(['triage', '--bundle', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      'causeway triage: INPUT_INVALID: logs.ndjson:7: field @timestamp: "noon" is not RFC 3339 with a zone',
    );
  });

  it('fails on a line that is not JSON, naming the line', async () => {
    const dir = corrupt('bad-json', 'traces.ndjson', 3, '{"resourceSpans": [');
    const r = await runCauseway(['triage', '--bundle', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^causeway triage: INPUT_INVALID: traces\.ndjson:3: not valid JSON/);
  });

  it('refuses a line longer than sources.maxLineBytes, naming file and line and how to raise it', async () => {
    const long = JSON.stringify({
      '@timestamp': '2026-11-20T14:10:00Z',
      'service.name': 'x',
      message: 'y'.repeat(6000),
    });
    const dir = corrupt('long-line', 'logs.ndjson', 9, long);
    const r = await runCauseway(['triage', '--bundle', dir], { CAUSEWAY_SOURCES_MAX_LINE_BYTES: '4096' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      'causeway triage: INPUT_INVALID: logs.ndjson:9: longer than the limit of 4096 bytes (sources.maxLineBytes); ' +
        'split the record, or raise sources.maxLineBytes (env CAUSEWAY_SOURCES_MAX_LINE_BYTES)',
    );
    // The default limit (8 MiB) takes the same line.
    expect((await runCauseway(['triage', '--bundle', dir])).code).toBe(0);
    const bad = await runCauseway(['triage', '--bundle', dir], { CAUSEWAY_SOURCES_MAX_LINE_BYTES: '100' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /CONFIG_INVALID.*\n.*sources\.maxLineBytes = 100 \(from env CAUSEWAY_SOURCES_MAX_LINE_BYTES\): must be at least 1024 bytes/s,
    );
  });

  it('refuses invalid UTF-8 in a bundle line, naming file, line and byte offset (never replaced silently)', async () => {
    const dir = join(root, 'bad-utf8');
    cpSync(bundle, dir, { recursive: true });
    const bytes = readFileSync(join(dir, 'logs.ndjson'));
    const line3 = bytes.indexOf('\n', bytes.indexOf('\n') + 1) + 1;
    const at = bytes.indexOf('GET', line3);
    bytes[at] = 0xff;
    writeFileSync(join(dir, 'logs.ndjson'), bytes);
    const r = await runCauseway(['triage', '--bundle', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `causeway triage: INPUT_INVALID: logs.ndjson:3: invalid UTF-8 at byte offset ${at} of the file (byte ${at - line3} of the line); ` +
        'save the file as UTF-8',
    );
  });

  it('fails on a bad span field with its JSON path', async () => {
    const line = readFileSync(join(bundle, 'traces.ndjson'), 'utf8').split('\n')[4] as string;
    const dir = corrupt('bad-span', 'traces.ndjson', 5, line.replace(/"spanId":"[0-9a-f]+"/, '"spanId":"nothex"'));
    const r = await runCauseway(['triage', '--bundle', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /INPUT_INVALID: traces\.ndjson:5: field resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.spanId: must be 16 hex/,
    );
  });

  it('fails on a bad change record naming its line and field', async () => {
    const dir = join(root, 'bad-change');
    cpSync(bundle, dir, { recursive: true });
    const changes = JSON.parse(readFileSync(join(dir, 'changes.json'), 'utf8'));
    changes[1].type = 'hotfix';
    writeFileSync(join(dir, 'changes.json'), JSON.stringify(changes, null, 2));
    const r = await runCauseway(['triage', '--bundle', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/INPUT_INVALID: changes\.json:10: record \[1\] field type: "hotfix" is not one of deploy/);
  });

  it('reports a missing bundle or alert clearly, and usage errors', async () => {
    const r = await runCauseway(['triage', '--bundle', join(root, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/INPUT_MISSING: .*alert\.json: not found/);
    const u = await runCauseway(['triage']);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/USAGE: --bundle DIR .*is required/);
    const x = await runCauseway(['triage', '--bundel', bundle]);
    expect(x.code).toBe(2);
    expect(x.stderr).toMatch(/USAGE: Unknown option '--bundel'/);
  });

  it('never reads past the alert time plus grace (data after it cannot change the ranking)', async () => {
    const dir = join(root, 'future');
    cpSync(bundle, dir, { recursive: true });
    // Five minutes after the alert, a flood of errors from cart: must be invisible.
    const late = Date.UTC(2026, 10, 20, 14, 27, 0);
    const extra = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({
        '@timestamp': new Date(late + i * 100).toISOString(),
        'service.name': 'cart',
        'log.level': 'error',
        message: `OutOfMemoryError ${i}`,
      }),
    );
    writeFileSync(join(dir, 'logs.ndjson'), `${readFileSync(join(dir, 'logs.ndjson'), 'utf8')}${extra.join('\n')}\n`);
    const a = JSON.parse((await runCauseway(['triage', '--bundle', bundle, '--json'])).stdout);
    const b = JSON.parse((await runCauseway(['triage', '--bundle', dir, '--json'])).stdout);
    expect(b.hypotheses).toEqual(a.hypotheses);
  });
});

describe('causeway --help', () => {
  it('lists the commands, and every command has --help', async () => {
    const top = await runCauseway(['--help']);
    expect(top.code).toBe(0);
    const names = [...top.stdout.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1] as string);
    expect(names).toEqual(expect.arrayContaining(['triage', 'eval', 'simulate', 'templates', 'demo']));
    for (const name of names) {
      const r = await runCauseway([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toMatch(/usage: causeway /);
    }
    const bad = await runCauseway(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('reports every configuration problem at once', async () => {
    const r = await runCauseway(['triage', '--bundle', bundle], {
      CAUSEWAY_TRIAGE_GRACE_SECONDS: 'x',
      CAUSEWAY_LOG_LEVEL: 'loud',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CONFIG_INVALID: the configuration has 2 problems/);
    expect(r.stderr).toMatch(/triage\.graceSeconds = "x" \(from env CAUSEWAY_TRIAGE_GRACE_SECONDS\)/);
  });
});

describe('causeway demo', () => {
  it('triages the bundled example end to end with no services, and shows the chat message', async () => {
    const r = await runCauseway(['demo']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/triaging webshop-deploy from files/);
    expect(r.stdout).toMatch(/h1\. .* quoterservice — deploy \(gl-deploy-94201\)/);
    expect(r.stdout).toMatch(/What Causeway would post to Slack/);
    // Then it acts: a plan, the requester refused, two approvals, the step and its verification, the audit chain.
    const acting = r.stdout.slice(r.stdout.indexOf('Runbook demo'));
    expect(acting).toMatch(/Plan: |2\. \[high\] Roll back quoterservice/);
    expect(acting).toMatch(/U0DEMOREQ approves step 2: REFUSED \(APPROVAL_FORBIDDEN/);
    expect(acting).toMatch(/U0DEMOSRE2 approves step 2: recorded — 2 of 2, granted/);
    expect(acting).toMatch(/✓ 2\. Roll back quoterservice/);
    expect(acting).toMatch(/✓ 3\. Error rate of quoterservice back under 5 %/);
    expect(acting).toMatch(/Run run-\S+: succeeded/);
    expect(acting).toMatch(/Audit chain intact: \d+ records verified/);
    const quick = await runCauseway(['demo', '--no-runbook']);
    expect(quick.code).toBe(0);
    expect(quick.stdout).not.toMatch(/Runbook demo/);
  });

  it('scores the bundled examples with causeway eval', async () => {
    const r = await runCauseway(['eval', new URL('../../examples', import.meta.url).pathname, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.n).toBe(2);
    expect(Object.keys(out)).toEqual([
      'n',
      'ac1',
      'ac3',
      'avg5',
      'kindAt1',
      'changeAt1',
      'ece',
      'p50ms',
      'p95ms',
      'cases',
    ]);
    expect(out.ac1).toBe(1);
    expect(out.ece).toBeGreaterThanOrEqual(0);
    expect(out.cases.map((c: { id: string }) => c.id).sort()).toEqual(['fleet-dependency-down', 'webshop-deploy']);
    // JSON on stdout stays clean; the progress line of each bundle goes to stderr as it finishes.
    expect(r.stderr.split('\n').filter((l) => /^✓ /.test(l))).toHaveLength(2);
  });

  it('eval prints a line per bundle as it goes and a summary per folder', async () => {
    const root = new URL('../../examples', import.meta.url).pathname;
    const r = await runCauseway(['eval', `${root}/webshop-deploy`, `${root}/fleet-dependency-down`]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // Bundle names do not break the columns: "truth" starts at the same place on every line.
    const bundleLines = lines.filter((l) => /^[✓~✗] /.test(l));
    expect(bundleLines).toHaveLength(2);
    expect(new Set(bundleLines.map((l) => l.indexOf(' truth ')))).toHaveProperty('size', 1);
    const summaries = lines.filter((l) => /^n=\d/.test(l));
    expect(summaries).toHaveLength(3);
    expect(summaries[0]).toMatch(/^n=1 .*webshop-deploy$/);
    expect(summaries[1]).toMatch(/^n=1 .*fleet-dependency-down$/);
    expect(summaries[2]).toMatch(/^n=2 .*ECE \d\.\d{3} .* all$/);
    const json = JSON.parse(
      (await runCauseway(['eval', `${root}/webshop-deploy`, `${root}/fleet-dependency-down`, '--json'])).stdout,
    );
    expect(json.folders.map((f: { folder: string; n: number }) => [f.folder.split('/').pop(), f.n])).toEqual([
      ['webshop-deploy', 1],
      ['fleet-dependency-down', 1],
    ]);
  });
});
