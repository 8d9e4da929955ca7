import { describe, expect, it } from 'vitest';
import { formatConfigProblems } from '../../../src/adapters/config/format-config-problems.ts';
import { loadConfig } from '../../../src/adapters/config/load-config.ts';

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
