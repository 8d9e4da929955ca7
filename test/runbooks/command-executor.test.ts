import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandRunner } from '../../src/adapters/executors/create-command-runner.ts';
import { commandDefinition } from '../../src/core/runbooks/executors/command-definition.ts';
import { type TestScripts, writeTestScripts } from './support/scripts.ts';

/** Running (not gone, and not a zombie waiting for a parent that will never reap it in a container). */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
};
const ctx = (timeoutMs: number) => ({ timeoutMs, signal: new AbortController().signal });

describe('command executor: real processes', () => {
  let s: TestScripts;
  let run: ReturnType<typeof createCommandRunner>;
  beforeAll(() => {
    s = writeTestScripts();
    run = createCommandRunner({
      allow: [s.args, s.sleep, s.fail, s.loud, s.stubborn, s.env],
      maxOutputBytes: 10_000,
      baseEnv: { PATH: '/usr/bin:/bin' },
      killGraceMs: 300,
    });
  });
  afterAll(() => s.cleanup());

  it('passes every argument as one inert argv element: no shell ever reads them', async () => {
    const hostile = [
      'a; rm -rf /',
      '$(id)',
      '`id`',
      'x && echo pwned',
      '| cat /etc/passwd',
      "'quoted'",
      '*',
      '>out.txt',
    ];
    const r = await run({ executable: s.args, args: hostile, env: {} }, ctx(5000));
    expect(r.status).toBe('succeeded');
    expect(r.output.trim().split('\n')).toEqual(hostile.map((a) => `[${a}]`));
  });

  it('reports a failing process with its exit code and stderr', async () => {
    const r = await run({ executable: s.fail, args: [], env: {} }, ctx(5000));
    expect(r).toMatchObject({ status: 'failed', exitCode: 3, timedOut: false });
    expect(r.output).toContain('boom: the deploy API said no');
    expect(r.summary).toMatch(/^exit code 3/);
  });

  it('kills the process group on timeout', async () => {
    const t0 = Date.now();
    const r = await run({ executable: s.sleep, args: [], env: {} }, ctx(400));
    expect(r).toMatchObject({ status: 'failed', timedOut: true });
    expect(r.summary).toContain('timed out after 0.4s');
    expect(Date.now() - t0).toBeLessThan(3000);
    const pid = Number(readFileSync(`${s.dir}/sleep.pid`, 'utf8'));
    expect(alive(pid)).toBe(false);
  });

  it('kills a script that ignores SIGTERM, and its child, with SIGKILL after the grace time', async () => {
    const t0 = Date.now();
    const r = await run({ executable: s.stubborn, args: [], env: {} }, ctx(500));
    const took = Date.now() - t0;
    expect(r).toMatchObject({ status: 'failed', timedOut: true });
    expect(took).toBeGreaterThanOrEqual(750); // timeout + grace: SIGTERM was ignored
    expect(took).toBeLessThan(5000);
    const [shell, child] = readFileSync(`${s.dir}/stubborn.pids`, 'utf8').trim().split(' ').map(Number);
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(shell as number)).toBe(false);
    expect(alive(child as number)).toBe(false);
  });

  it('caps a loud output and says how much was dropped', async () => {
    const r = await run({ executable: s.loud, args: [], env: {} }, ctx(10_000));
    expect(r.status).toBe('succeeded');
    expect(r.truncatedBytes).toBe(5_000_000 - 10_000);
    expect(r.output.startsWith('x'.repeat(10_000))).toBe(true);
    expect(r.output).toContain('[4990000 more bytes not kept');
  });

  it('refuses an executable that is not allowlisted, and a missing one, as values', async () => {
    expect(await run({ executable: '/bin/sh', args: ['-c', 'id'], env: {} }, ctx(1000))).toMatchObject({
      status: 'failed',
      summary: 'refused: /bin/sh is not an allowed executable',
    });
    const missing = createCommandRunner({
      allow: ['no-such-tool'],
      maxOutputBytes: 100,
      baseEnv: { PATH: '/nowhere' },
    });
    const r = await missing({ executable: 'no-such-tool', args: [], env: {} }, ctx(1000));
    expect(r.status).toBe('failed');
    expect(r.summary).toContain('ENOENT');
  });

  it('starts processes with only the base environment plus the step env, in the given folder', async () => {
    const r = await run({ executable: s.env, args: [], env: { GREETING: 'hello world' }, cwd: s.dir }, ctx(5000));
    expect(r.output).toBe(`greeting=hello world secret=none\n${s.dir}\n`);
  });

  it('the definition: a program runner is refused without the escape hatch, and never gets templated arguments with it', () => {
    const settings = {
      httpAllowHosts: [],
      commandAllow: ['/bin/sh', 'env', '/opt/tools/flush'],
      commandAllowProgramRunners: false,
      kubectlPath: 'kubectl',
      kubectlNamespaces: [],
      secretEnv: [],
    };
    expect(commandDefinition(settings).check({ executable: '/bin/sh', args: ['-c', 'id'] })).toEqual([
      {
        path: ['executable'],
        message:
          '/bin/sh runs its arguments as a program: refused unless runbooks.command.allowProgramRunners is set (dangerous)',
      },
    ]);
    const hatch = commandDefinition({ ...settings, commandAllowProgramRunners: true });
    expect(hatch.check({ executable: '/bin/sh', args: ['-c', 'echo "$P"'], env: { P: '{{ params.p }}' } })).toEqual([]);
    expect(hatch.check({ executable: 'env', args: ['{{ params.w }}'] }).map((p) => p.path)).toEqual([['args', 0]]);
    expect(hatch.check({ executable: '/bin/sh', args: ['-c', 'echo {{ params.p }}'] }).map((p) => p.path)).toEqual([
      ['args', 1],
    ]);
    expect(hatch.check({ executable: '/opt/tools/flush', args: ['{{ params.p }}'] })).toEqual([]);
  });

  it('the definition: argv arrays only, allowlisted executable, no PATH/LD_* overrides, templates fill whole arguments', () => {
    const def = commandDefinition({
      httpAllowHosts: [],
      commandAllow: ['/opt/tools/flush'],
      commandAllowProgramRunners: false,
      kubectlPath: 'kubectl',
      kubectlNamespaces: [],
      secretEnv: [],
    });
    expect(def.check({ executable: '/bin/sh', args: ['-c', 'x'] })).toEqual([
      { path: ['executable'], message: '"/bin/sh" is not in runbooks.command.allow (/opt/tools/flush)' },
    ]);
    expect(def.check({ executable: '/opt/tools/flush', args: 'a b c' })[0]?.path).toEqual(['args']);
    expect(def.check({ executable: '{{ params.tool }}' })).toEqual([
      {
        path: ['executable'],
        message:
          'the program to run is never a parameter: write the executable out (a name from runbooks.command.allow)',
      },
    ]);
    expect(
      def.check({ executable: '/opt/tools/flush', env: { LD_PRELOAD: 'x', PATH: '/tmp' } }).map((p) => p.path),
    ).toEqual([
      ['env', 'LD_PRELOAD'],
      ['env', 'PATH'],
    ]);
    const r = def.render(
      { executable: '/opt/tools/flush', args: ['--queue={{ params.q }}', '{{ params.q }}'] },
      { q: 'a b;c' },
    );
    expect(r.ok && r.value.action).toEqual({
      executable: '/opt/tools/flush',
      args: ['--queue=a b;c', 'a b;c'],
      env: {},
    });
    expect(r.ok && r.value.display).toEqual([`$ /opt/tools/flush '--queue=a b;c' 'a b;c'`]);
  });
});
