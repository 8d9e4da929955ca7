import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../src/adapters/files/open-bundle.ts';
import { writeMiniBundle } from '../../support/mini-bundle.ts';

let root: string;
let bundle: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'causeway-limits-'));
  bundle = writeMiniBundle(join(root, 'mini'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the mini bundle with `file` rewritten by `edit`. */
function variant(name: string, file: string, edit: (b: Buffer) => Buffer): string {
  const dir = join(root, name);
  cpSync(bundle, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file))));
  return dir;
}

const query = {
  range: { from: Date.UTC(2026, 10, 20, 13, 0), to: Date.UTC(2026, 10, 20, 15, 0) },
  bucketMs: 10_000,
};

describe('bundle files: line limit and UTF-8', () => {
  it('reads the mini bundle under a small limit (its lines are short)', async () => {
    const b = await openBundle(bundle, undefined, 4096);
    if (!b.ok) throw new Error(b.error.message);
    expect((await b.value.logs.series(query, new AbortController().signal)).state).toBe('ok');
    expect((await b.value.changes.list(query.range, new AbortController().signal)).state).toBe('ok');
  });

  it('a log line over the limit fails the logs source with INPUT_INVALID naming the file and line', async () => {
    const dir = variant('long-log', 'logs.ndjson', (b) => {
      const lines = b.toString().split('\n');
      lines.splice(
        4,
        0,
        JSON.stringify({ '@timestamp': '2026-11-20T14:00:00Z', 'service.name': 'x', message: 'm'.repeat(9000) }),
      );
      return Buffer.from(lines.join('\n'));
    });
    const b = await openBundle(dir, undefined, 4096);
    if (!b.ok) throw new Error(b.error.message);
    const r = await b.value.logs.series(query, new AbortController().signal);
    expect(r).toEqual({
      state: 'failed',
      code: 'INPUT_INVALID',
      detail: expect.stringMatching(/^logs\.ndjson:5: longer than the limit of 4096 bytes \(sources\.maxLineBytes\)/),
    });
  });

  it('invalid UTF-8 in a trace line fails the traces source with the line and byte offset', async () => {
    const dir = variant('bad-trace', 'traces.ndjson', (b) => {
      const at = b.indexOf('"name":"frontend op"', b.indexOf('\n') + 1);
      const out = Buffer.from(b);
      out[at + 9] = 0xff;
      return out;
    });
    const b = await openBundle(dir, undefined, 1_048_576);
    if (!b.ok) throw new Error(b.error.message);
    const r = await b.value.traces.series(query, new Map(), new AbortController().signal);
    const lineStart = readFileSync(join(dir, 'traces.ndjson')).indexOf('\n') + 1;
    const at = readFileSync(join(dir, 'traces.ndjson')).indexOf(0xff);
    expect(r).toEqual({
      state: 'failed',
      code: 'INPUT_INVALID',
      detail: expect.stringContaining(
        `traces.ndjson:2: invalid UTF-8 at byte offset ${at} of the file (byte ${at - lineStart} of the line)`,
      ),
    });
  });

  it('alert.json with invalid UTF-8 or an over-long line is INPUT_INVALID naming the file and line', async () => {
    const bad = variant('bad-alert', 'alert.json', (b) => {
      const out = Buffer.from(b);
      out[b.indexOf('frontend 5xx')] = 0xc0;
      return out;
    });
    const r = await openBundle(bad, undefined, 4096);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INPUT_INVALID');
    expect(r.error.message).toMatch(/^alert\.json:\d+: invalid UTF-8 at byte offset \d+ of the file/);
    const long = variant('long-alert', 'alert.json', (b) =>
      Buffer.from(b.toString().replace('frontend 5xx above 5%', 'x'.repeat(5000))),
    );
    const r2 = await openBundle(long, undefined, 4096);
    expect(r2).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID', message: expect.stringMatching(/^alert\.json:\d+: longer than the limit/) },
    });
  });

  it('changes.json with an over-long line or invalid UTF-8 fails the changes source naming the line', async () => {
    const long = variant('long-changes', 'changes.json', (b) =>
      Buffer.from(b.toString().replace('"3.1.0"', `"${'9'.repeat(5000)}"`)),
    );
    const b = await openBundle(long, undefined, 4096);
    if (!b.ok) throw new Error(b.error.message);
    expect(await b.value.changes.list(query.range, new AbortController().signal)).toEqual({
      state: 'failed',
      code: 'INPUT_INVALID',
      detail: expect.stringMatching(/^changes\.json:\d+: longer than the limit of 4096 bytes/),
    });
    const bad = variant('bad-changes', 'changes.json', (b) => {
      const out = Buffer.from(b);
      out[b.indexOf('deploy-cart-11')] = 0xfe;
      return out;
    });
    const c = await openBundle(bad, undefined, 4096);
    if (!c.ok) throw new Error(c.error.message);
    expect(await c.value.changes.list(query.range, new AbortController().signal)).toEqual({
      state: 'failed',
      code: 'INPUT_INVALID',
      detail: expect.stringMatching(/^changes\.json:3: invalid UTF-8 at byte offset \d+ of the file/),
    });
  });
});
