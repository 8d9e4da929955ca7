import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/adapters/cli/cli-command.ts';
import { simulateCommand } from '../../src/adapters/cli/commands/simulate.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/causeway.js', import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'causeway-sim-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function capture(cwd: string): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { io: { stdout: (s) => (out += s), stderr: (s) => (err += s), env: {}, cwd }, out: () => out, err: () => err };
}

describe('causeway simulate', () => {
  it('prints its usage with --help', async () => {
    const { stdout } = await run(process.execPath, [bin, 'simulate', '--help']);
    expect(stdout).toContain('usage: causeway simulate --out DIR');
    expect(stdout).toContain('dependency_down');
  });

  it('rejects an unknown --kind with one line on stderr and exit code 2', async () => {
    const err = await run(process.execPath, [bin, 'simulate', '--out', tempDir(), '--kind', 'meteor']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in err ? err.code : 0).toBe(2);
    const stderr = 'stderr' in err ? err.stderr : '';
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^causeway simulate: USAGE: unknown --kind meteor/);
  });

  it('rejects a missing --out, a bad --count, --seed or --topology', async () => {
    for (const argv of [
      [],
      ['--out', 'x', '--count', '0'],
      ['--out', 'x', '--seed', '-3'],
      ['--out', 'x', '--topology', 'mainframe'],
      ['--out', 'x', '--bogus'],
    ]) {
      const c = capture(tempDir());
      expect(await simulateCommand.run(argv, c.io), argv.join(' ')).toBe(2);
      expect(c.err().trim().split('\n')).toHaveLength(1);
    }
  });

  it('writes --count bundles under --out, cycling through kinds, relative to the working directory', async () => {
    const cwd = tempDir();
    const c = capture(cwd);
    expect(
      await simulateCommand.run(['--out', 'bundles', '--count', '2', '--seed', '3', '--topology', 'random'], c.io),
    ).toBe(0);
    const ids = readdirSync(join(cwd, 'bundles')).sort();
    expect(ids).toEqual(['sim-3-000', 'sim-3-001']);
    for (const id of ids)
      expect(readdirSync(join(cwd, 'bundles', id)).sort()).toEqual([
        'alert.json',
        'changes.json',
        'logs.ndjson',
        'metrics.ndjson',
        'scenario.json',
        'traces.ndjson',
        'truth.json',
      ]);
    expect(c.out()).toContain('deploy');
    expect(c.out()).toContain('config');
  });

  it('--concurrent-rollouts makes every deploy bundle release other services within the same minute', async () => {
    const cwd = tempDir();
    const c = capture(cwd);
    const argv = ['--out', 'b', '--count', '1', '--seed', '4', '--kind', 'deploy', '--concurrent-rollouts'];
    expect(await simulateCommand.run(argv, c.io)).toBe(0);
    const scenario = JSON.parse(readFileSync(join(cwd, 'b', 'sim-4-000', 'scenario.json'), 'utf8'));
    expect(scenario.manifestation).toMatch(/^deploy-concurrent-/);
    const plain = capture(cwd);
    expect(await simulateCommand.run(['--out', 'p', '--count', '1', '--seed', '4', '--kind', 'deploy'], plain.io)).toBe(
      0,
    );
    const other = JSON.parse(readFileSync(join(cwd, 'p', 'sim-4-000', 'scenario.json'), 'utf8'));
    // Without the flag the same seed draws its own (seeded) choice; with it, concurrency is forced.
    expect(other.topology).toEqual(scenario.topology);
  });
});
