import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SUMMARIES } from '../../src/adapters/cli/command-summaries.ts';
import { runCauseway } from '../support/run-causeway.ts';
import { billionLaughs } from '../support/yaml-bombs.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-cli-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('causeway --config (the real entry point)', () => {
  it('a circular alias or a "billion laughs" file is CONFIG_INVALID naming the file, exit 2', async () => {
    const circular = file('circular.yaml', 'a: &a [*a]\n');
    const r = await runCauseway(['--config', circular, 'triage', '--help']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^causeway: CONFIG_INVALID: the configuration has 1 problem:/);
    expect(r.stderr).toContain(`(from ${circular}:1): a circular alias (*a is inside the node it names)`);
    const lol = file('lol.yaml', billionLaughs());
    const l = await runCauseway(['--config', lol, 'triage', '--help']);
    expect(l.code).toBe(2);
    expect(l.stderr).toContain(`(from ${lol}): YAML aliases expand too much`);
    expect(l.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('--config without a file path is a USAGE error (exit 2) for every command, before anything runs', async () => {
    const calls = [
      ...Object.keys(COMMAND_SUMMARIES).map((c) => [c, '--config']),
      ['triage', '--config', '--json'],
      ['--config=', 'triage'],
      ['--config', '', 'triage'],
      ['--config'],
    ];
    // Four at a time: each is a real process (a command run without its file could start a server).
    for (let i = 0; i < calls.length; i += 4) {
      const batch = calls.slice(i, i + 4);
      const results = await Promise.all(
        batch.map((args) => runCauseway(args, { CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'never.db')}` })),
      );
      expect(results.map((r, k) => ({ args: batch[k], code: r.code, stderr: r.stderr }))).toEqual(
        batch.map((args) => ({
          args,
          code: 2,
          stderr: 'causeway: USAGE: --config needs a file path (causeway --config FILE <command> …)\n',
        })),
      );
    }
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });

  it('--config=FILE works like --config FILE', async () => {
    const cfg = file('ok.yaml', 'log:\n  level: loud\n');
    const r = await runCauseway([`--config=${cfg}`, 'triage', '--help']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`log.level = "loud" (from ${cfg}:2)`);
  });
});

describe('unknown CAUSEWAY_* environment variables (the real entry point)', () => {
  it('are warned about once at start, with the closest known name; known ones and runbooks.secretEnv are not', async () => {
    const cfg = file('secret-env.yaml', 'runbooks:\n  secretEnv: [CAUSEWAY_DEPLOY_TOKEN]\n');
    const r = await runCauseway(['--config', cfg, 'triage', '--help'], {
      CAUSEWAY_TRIAGE_GRACE_SECOND: '5',
      CAUSEWAY_WHATEVER: '1',
      CAUSEWAY_TRIAGE_LOOKBACK_MINUTES: '30',
      CAUSEWAY_DEPLOY_TOKEN: 'not-a-secret-really',
      CAUSEWAY_INSTANCE_ID: 'a',
    });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'causeway: warning: unknown environment variable CAUSEWAY_TRIAGE_GRACE_SECOND is ignored (did you mean CAUSEWAY_TRIAGE_GRACE_SECONDS?)',
      'causeway: warning: unknown environment variable CAUSEWAY_WHATEVER is ignored',
    ]);
    expect(r.stderr).not.toContain('not-a-secret-really');
  });
});
