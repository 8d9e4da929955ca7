import { describe, expect, it } from 'vitest';
import { formatConfigProblems } from '../../../src/adapters/config/format-config-problems.ts';
import { loadConfig } from '../../../src/adapters/config/load-config.ts';
import { billionLaughs } from '../../support/yaml-bombs.ts';

describe('loadConfig', () => {
  it('gives the defaults with nothing configured, frozen', () => {
    const r = loadConfig({ env: {} });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.triage.graceSeconds).toBe(60);
    expect(r.value.triage.serviceLabels).toEqual(['service', 'service_name', 'app', 'job', 'kubernetes_deployment']);
    expect(Object.isFrozen(r.value)).toBe(true);
    expect(Object.isFrozen(r.value.triage.serviceLabels)).toBe(true);
  });

  it('reads the YAML file, and environment variables win over it', () => {
    const file = { path: 'causeway.yaml', text: 'triage:\n  graceSeconds: 30\n  lookbackMinutes: 45\n' };
    const r = loadConfig({
      env: { CAUSEWAY_TRIAGE_GRACE_SECONDS: '10', CAUSEWAY_TRIAGE_SERVICE_LABELS: 'app, job' },
      file,
    });
    expect(r.ok && r.value.triage).toMatchObject({
      graceSeconds: 10,
      lookbackMinutes: 45,
      serviceLabels: ['app', 'job'],
    });
  });

  it('reports every problem at once, naming key, value, source and fix', () => {
    const file = {
      path: 'causeway.yaml',
      text: 'triage:\n  lookbackMinutes: -5\n  bucketSecs: 10\nlog:\n  level: loud\n',
    };
    const r = loadConfig({ env: { CAUSEWAY_TRIAGE_GRACE_SECONDS: 'soon' }, file });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byKey = Object.fromEntries(r.error.map((p) => [p.key, p]));
    expect(Object.keys(byKey).sort()).toEqual([
      'log.level',
      'triage.bucketSecs',
      'triage.graceSeconds',
      'triage.lookbackMinutes',
    ]);
    expect(byKey['triage.graceSeconds']).toMatchObject({
      value: '"soon"',
      source: 'env CAUSEWAY_TRIAGE_GRACE_SECONDS',
    });
    expect(byKey['triage.graceSeconds']?.message).toMatch(/number of seconds/);
    expect(byKey['triage.lookbackMinutes']).toMatchObject({ value: '-5', source: 'causeway.yaml:2' });
    expect(byKey['triage.bucketSecs']).toMatchObject({
      source: 'causeway.yaml:3',
      message: expect.stringMatching(/unknown key/),
    });
    expect(byKey['log.level']?.message).toMatch(/trace, debug, info/);
    const text = formatConfigProblems(r.error);
    expect(text.split('\n')).toHaveLength(5);
    expect(text).toMatch(/^CONFIG_INVALID: the configuration has 4 problems/);
  });

  it('reports YAML syntax errors with the line', () => {
    const r = loadConfig({ env: {}, file: { path: 'c.yaml', text: 'triage:\n  graceSeconds: [1,\n' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]?.source).toMatch(/^c\.yaml:\d+$/);
  });
});

describe('loadConfig: YAML aliases', () => {
  it('refuses a circular alias as a problem naming the file and line, not a crash', () => {
    const r = loadConfig({ env: {}, file: { path: 'c.yaml', text: 'triage:\n  serviceLabels: &a [app, *a]\n' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual([
      {
        key: 'triage.serviceLabels.1',
        value: '',
        source: 'c.yaml:2',
        message: expect.stringMatching(/circular alias/),
      },
    ]);
  });

  it('refuses a "billion laughs" file as a problem naming the file and the alias limit', () => {
    const r = loadConfig({ env: {}, file: { path: 'lol.yaml', text: billionLaughs() } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toHaveLength(1);
    expect(r.error[0]).toMatchObject({ key: '(file)', source: 'lol.yaml' });
    expect(r.error[0]?.message).toMatch(/aliases expand too much \(more than 100 alias uses/);
  });

  it('still reads ordinary aliases', () => {
    const text = 'triage:\n  graceSeconds: &n 30\n  lookbackMinutes: *n\n';
    const r = loadConfig({ env: {}, file: { path: 'c.yaml', text } });
    expect(r.ok && r.value.triage).toMatchObject({ graceSeconds: 30, lookbackMinutes: 30 });
  });
});

describe('loadConfig: program runners in runbooks.command.allow', () => {
  it('refuses shells, interpreters and wrappers (by basename too), naming the entry and where it came from', () => {
    const file = { path: 'c.yaml', text: 'runbooks:\n  command:\n    allow: [ls, /bin/sh, perl5.36]\n' };
    const r = loadConfig({ env: {}, file });
    expect(r.ok ? [] : r.error.map((p) => `${p.key} ${p.value} ${p.source}`)).toEqual([
      'runbooks.command.allow.1 "/bin/sh" c.yaml:3',
      'runbooks.command.allow.2 "perl5.36" c.yaml:3',
    ]);
    const env = loadConfig({ env: { CAUSEWAY_RUNBOOKS_COMMAND_ALLOW: 'ls,xargs' } });
    expect(env.ok ? [] : env.error).toEqual([
      {
        key: 'runbooks.command.allow.1',
        value: '"xargs"',
        source: 'env CAUSEWAY_RUNBOOKS_COMMAND_ALLOW',
        message: expect.stringMatching(
          /^xargs runs its arguments as a program .* runbooks\.command\.allowProgramRunners: true \(dangerous/,
        ),
      },
    ]);
  });

  it('accepts them with runbooks.command.allowProgramRunners: true', () => {
    const text = 'runbooks:\n  command:\n    allowProgramRunners: true\n    allow: [sh, env]\n';
    const r = loadConfig({ env: {}, file: { path: 'c.yaml', text } });
    expect(r.ok && r.value.runbooks.command).toEqual({ allow: ['sh', 'env'], allowProgramRunners: true });
  });
});
