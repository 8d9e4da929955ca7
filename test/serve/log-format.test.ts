import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe } from './support/start-serve.ts';

const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'causeway-logs-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('causeway serve logs', () => {
  it('stdout is JSON lines only, with ISO times and level names, "listening" among them', async () => {
    const serve = await startServe({
      CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      CAUSEWAY_SOURCES_BUNDLE_DIR: EXAMPLE,
    });
    await (await fetch(`${serve.url}/nope`)).arrayBuffer();
    expect(await serve.stop()).toBe(0);
    const lines = serve
      .stdout()
      .split('\n')
      .filter((l) => l !== '');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const records = lines.map((l) => {
      let r: Record<string, unknown> | undefined;
      expect(() => {
        r = JSON.parse(l) as Record<string, unknown>;
      }, `not a JSON line on stdout: ${l}`).not.toThrow();
      return r as Record<string, unknown>;
    });
    for (const r of records) {
      expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).toContain(r.level);
      expect(r.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const listening = records.find((r) => r.msg === 'causeway serve listening');
    expect(listening).toMatchObject({ level: 'info', url: serve.url });
    expect(records.at(-1)).toMatchObject({ level: 'info', msg: 'stopped' });
  });
});
