import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCauseway } from '../support/run-causeway.ts';
import { billionLaughs } from '../support/yaml-bombs.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CONFIG = ['--config', 'runbooks/config/example.yaml'];

describe('causeway runbooks (the real entry point)', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'causeway-runbooks-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('validate: ok with the example configuration; every problem as file:line: field: message otherwise', async () => {
    const ok = await runCauseway([...CONFIG, 'runbooks', 'validate'], {}, ROOT);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /^ok: 5 runbooks valid in .*runbooks \(clear-stuck-queue, diagnostics, restart-service, rollback-last-deploy, scale-out\)\n$/,
    );
    writeFileSync(join(tmp, 'bad.yaml'), 'id: bad\ntitle: Bad\nsteps:\n  - id: x\n    name: x\n    uses: ssh\n');
    const bad = await runCauseway(['runbooks', 'validate', tmp], {}, ROOT);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:6: steps\[0\]\.uses: unknown executor "ssh"/);
    expect(bad.stderr).toContain('causeway runbooks: RUNBOOK_INVALID: 1 problem');
  });

  it('read-only commands work without a configuration (no allowlists); proposing a run still needs them', async () => {
    const env = { CAUSEWAY_CONFIG: '' };
    const list = await runCauseway(['runbooks', 'list'], env, ROOT);
    expect({ code: list.code, stderr: list.stderr }).toEqual({ code: 0, stderr: '' });
    expect(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[0]),
    ).toEqual(['clear-stuck-queue', 'diagnostics', 'restart-service', 'rollback-last-deploy', 'scale-out']);
    const validate = await runCauseway(['runbooks', 'validate'], env, ROOT);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/^ok: 5 runbooks valid in .*runbooks \(clear-stuck-queue, .*scale-out\)\n$/);
    expect(validate.stderr).toBe(
      'causeway runbooks: note: the allowlists and approver groups were not checked: runbooks.* sets none (check them with causeway --config FILE runbooks validate)\n',
    );
    const dry = await runCauseway(
      ['runbooks', 'plan', 'scale-out', 'replicas=8', '--bundle', 'examples/webshop-deploy', '--dry-run'],
      env,
      ROOT,
    );
    expect(dry.stderr).toBe(validate.stderr);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('$ kubectl scale deployment/quoterservice --namespace=default --replicas=8');
    const propose = await runCauseway(
      ['runbooks', 'plan', 'scale-out', '--bundle', 'examples/webshop-deploy', '--db', `sqlite:${join(tmp, 'n.db')}`],
      env,
      ROOT,
    );
    expect(propose.code).toBe(2);
    expect(propose.stderr).toContain('no approver group "oncall" in runbooks.approval.groups');
    expect(propose.stderr).toContain('causeway runbooks: RUNBOOK_INVALID:');
  });

  it('validate checks the allowlists once the configuration sets any of them', async () => {
    const cfg = join(tmp, 'groups-only.yaml');
    writeFileSync(cfg, 'runbooks:\n  approval:\n    groups:\n      sre: [U0SRE0001]\n      oncall: [U0ONCALL1]\n');
    const r = await runCauseway(['--config', cfg, 'runbooks', 'validate'], {}, ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('host queue-admin.internal is not in runbooks.http.allowHosts (empty)');
  });

  it("plan --dry-run renders the plan for the bundle's incident and runs nothing", async () => {
    const r = await runCauseway(
      [...CONFIG, 'runbooks', 'plan', 'scale-out', 'replicas=8', '--bundle', 'examples/webshop-deploy', '--dry-run'],
      {},
      ROOT,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan: Scale out a service (scale-out) — dry run: nothing ran');
    expect(r.stdout).toContain('$ kubectl scale deployment/quoterservice --namespace=default --replicas=8');
    expect(r.stdout).toContain('needs 1 approval from oncall (U0ONCALL1, S0ONCALL1)');
    const bad = await runCauseway([...CONFIG, 'runbooks', 'plan', 'scale-out', 'service=a;b', '--dry-run'], {}, ROOT);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('RUNBOOK_PARAMS_INVALID: scale-out: service "a;b" does not match a plain word');
  });

  it('plan (without --dry-run) proposes the run: stored and audited, nothing ran', async () => {
    const db = `sqlite:${join(tmp, 'c.db')}`;
    const r = await runCauseway(
      [
        ...CONFIG,
        'runbooks',
        'plan',
        'rollback-last-deploy',
        'revision=41',
        '--bundle',
        'examples/webshop-deploy',
        '--db',
        db,
      ],
      {},
      ROOT,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Proposed as run run-[0-9a-f]+ for incident webshop-deploy \(audited as runbook.proposed\); nothing ran/,
    );
    const shown = await runCauseway(['audit', 'show', '--incident', 'webshop-deploy', '--db', db], {}, ROOT);
    // Attributed to the person at the terminal (the OS user), not to `system`.
    expect(shown.stdout).toMatch(
      new RegExp(` cli:${userInfo().username.replace(/[^\w.-]/g, '_')} +runbook\\.proposed `),
    );
  });

  it('a circular alias or a "billion laughs" file in the folder is RUNBOOK_INVALID naming the file (exit 2, not INTERNAL)', async () => {
    const dir = join(tmp, 'aliases');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'circular.yaml'),
      'id: es\ntitle: ES\nsteps:\n  - id: s\n    name: S\n    uses: elasticsearch\n    with:\n      index: logs\n      query: &q {bool: {must: [*q]}}\n',
    );
    writeFileSync(join(dir, 'lol.yaml'), billionLaughs());
    const r = await runCauseway(['runbooks', 'validate', dir], {}, ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('circular.yaml:9: steps[0].with.query.bool.must[0]: a circular alias (*q is inside');
    expect(r.stderr).toContain('lol.yaml: YAML aliases expand too much');
    expect(r.stderr).toContain('causeway runbooks: RUNBOOK_INVALID: 2 problems');
    expect(r.stderr).not.toContain('INTERNAL');
  });

  it('shells, interpreters and program wrappers in runbooks.command.allow are CONFIG_INVALID naming the entry', async () => {
    const cfg = join(tmp, 'runners.yaml');
    writeFileSync(
      cfg,
      'runbooks:\n  command:\n    allow: [sh, bash, env, xargs, /bin/sh, python3, /usr/bin/flush-cache]\n  kubectl:\n    path: /usr/bin/timeout\n',
    );
    const r = await runCauseway(['--config', cfg, 'runbooks', 'validate', join(tmp, 'none')], {}, ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^causeway: CONFIG_INVALID: the configuration has 7 problems:/);
    for (const [i, name] of ['sh', 'bash', 'env', 'xargs', '/bin/sh', 'python3'].entries())
      expect(r.stderr).toContain(
        `runbooks.command.allow.${i} = "${name}" (from ${cfg}:3): ${name} runs its arguments as a program`,
      );
    expect(r.stderr).toContain(
      `runbooks.kubectl.path = "/usr/bin/timeout" (from ${cfg}:5): /usr/bin/timeout runs its arguments`,
    );
    expect(r.stderr).not.toContain('flush-cache');
  });

  it('with runbooks.command.allowProgramRunners, a runner still never gets a templated program or script', async () => {
    const cfg = join(tmp, 'hatch.yaml');
    writeFileSync(
      cfg,
      'runbooks:\n  approval:\n    groups:\n      sre: [U0SRE1]\n  command:\n    allowProgramRunners: true\n    allow: [sh, env, /usr/bin/flush-cache]\n',
    );
    const dir = join(tmp, 'runners');
    mkdirSync(dir);
    const runbook = (id: string, executable: string, args: string) =>
      `id: ${id}\ntitle: T\nparams:\n  p: {type: string}\nsteps:\n  - id: go\n    name: Go\n    uses: command\n    with:\n      executable: ${executable}\n      args: ${args}\n    approval: {from: [sre]}\n`;
    writeFileSync(join(dir, 'a-shell.yaml'), runbook('a-shell', 'sh', `['-c', 'echo {{ params.p }}']`));
    writeFileSync(join(dir, 'b-env.yaml'), runbook('b-env', 'env', `['{{ params.p }}']`));
    writeFileSync(join(dir, 'c-program.yaml'), runbook('c-program', "'{{ params.p }}'", '[]'));
    writeFileSync(
      join(dir, 'd-ok.yaml'),
      runbook('d-ok', 'sh', `['-c', 'echo "$P"']\n      env: {P: '{{ params.p }}'}`),
    );
    const r = await runCauseway(['--config', cfg, 'runbooks', 'validate', dir], {}, ROOT);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toEqual([
      expect.stringMatching(/a-shell\.yaml:11: steps\[0\]\.with\.args\[1\]: sh runs its arguments as a program/),
      expect.stringMatching(/b-env\.yaml:11: steps\[0\]\.with\.args\[0\]: env runs its arguments as a program/),
      expect.stringMatching(
        /c-program\.yaml:10: steps\[0\]\.with\.executable: the program to run is never a parameter/,
      ),
      'causeway runbooks: RUNBOOK_INVALID: 3 problems',
    ]);
  });
});
