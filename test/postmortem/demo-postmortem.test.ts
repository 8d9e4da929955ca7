import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { buildDemoCommand } from '../../src/runtime/commands/demo.ts';

const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const GOLDEN = new URL('./golden/demo-postmortem.md', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'causeway-demo-postmortem-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What differs between runs of the demo: its run id (random) and step timings (a real local HTTP call). */
function normalize(md: string): string {
  return md.replace(/run-[0-9a-f]{8}/g, 'run-XXXXXXXX').replace(/HTTP 200 in \d+ ms/g, 'HTTP 200 in N ms');
}

describe('the demo stores its incident and writes its timeline and postmortem draft', () => {
  it('prints the timeline with its durations and writes the Markdown draft (golden file)', async () => {
    const config = loadConfig({ env: {} });
    if (!config.ok) throw new Error('config');
    // A clock that moves 1 s per reading from a fixed start: the same draft every run.
    let t = Date.parse('2026-08-01T10:00:00Z');
    const now = () => {
      t += 1000;
      return t;
    };
    let out = '';
    let err = '';
    const code = await buildDemoCommand(config.value, EXAMPLE, undefined, now).run(['--chart', join(dir, 'c.png')], {
      stdout: (s) => {
        out += s;
      },
      stderr: (s) => {
        err += s;
      },
      env: {},
      cwd: dir,
    });
    expect(code, err).toBe(0);
    expect(out).toMatch(/timeline of incident webshop-deploy: HighErrorLogRate/);
    expect(out).toMatch(/time to detect \(onset → first alert\)\s+2m 00s/);
    expect(out).toMatch(/run run-[0-9a-f]{8} \(demo-rollback\) succeeded {2}\[#\d+\]/);
    const md = normalize(readFileSync(join(dir, 'var/demo-postmortem.md'), 'utf8'));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, md);
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
