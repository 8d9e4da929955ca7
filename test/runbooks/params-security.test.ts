import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandRunner } from '../../src/adapters/executors/create-command-runner.ts';
import type { Alert } from '../../src/core/model/alert.ts';
import { executorDefinitions } from '../../src/core/runbooks/executor-definitions.ts';
import { planRunbook } from '../../src/core/runbooks/plan-runbook.ts';
import { resolveParams } from '../../src/core/runbooks/resolve-params.ts';
import { catalogOf, testSettings, testValidationContext } from './support/runbook-harness.ts';
import { type TestScripts, writeTestScripts } from './support/scripts.ts';

const alert = (labels: Record<string, string>): Alert => ({
  fingerprint: 'f',
  name: 'HighErrorRate',
  status: 'firing',
  service: labels.service,
  labels,
  annotations: {},
  startsAt: 0,
  endsAt: undefined,
  generatorUrl: undefined,
  source: 'test',
});

describe('parameter values: hostile input is refused or stays inert', () => {
  let s: TestScripts;
  beforeAll(() => {
    s = writeTestScripts();
  });
  afterAll(() => s.cleanup());

  const runbook = () =>
    catalogOf(
      [
        `
id: hostile
title: Hostile input
params:
  service:
    type: string
    from: alert.labels.service
  note:
    type: string
    pattern: '[^\\u0000]*'
    maxLength: 64
    default: none
  replicas:
    type: int
    min: 1
    max: 10
    default: 2
  mode:
    type: enum
    values: [fast, safe]
    default: safe
  wait:
    type: duration
    min: 1s
    max: 10m
    default: 30s
steps:
  - id: echo
    name: echo {{ params.note }}
    uses: command
    with:
      executable: ${s.args}
      args: ['--service={{ params.service }}', '{{ params.note }}', '{{ params.replicas }}', '{{ params.mode }}', '{{ params.wait }}']
    approval: { from: [oncall] }
`,
      ],
      testValidationContext(testSettings({ commandAllow: [s.args] })),
    ).get('hostile');

  const problems = (given: Record<string, string>, labels: Record<string, string> = { service: 'checkout' }) => {
    const r = resolveParams(runbook()!, given, { alert: alert(labels) });
    return r.ok ? [] : r.error.map((p) => `${p.param}: ${p.message}`);
  };

  it('refuses shell metacharacters, traversal, newlines, a leading dash and oversized values in plain-word parameters — from people and from alert labels alike', () => {
    expect(problems({ service: 'checkout; rm -rf /' })).toEqual([
      'service: "checkout; rm -rf /" does not match a plain word (letters, digits, . _ -)',
    ]);
    expect(problems({ service: '$(curl evil)' })[0]).toMatch(/does not match/);
    expect(problems({ service: '../../etc/passwd' })).toEqual(['service: cannot hold a "." or ".." path segment']);
    expect(problems({ service: '..' })).toEqual(['service: cannot hold a "." or ".." path segment']);
    expect(problems({ service: 'checkout\nkubectl delete' })).toEqual([
      'service: contains a control character (such as a line break)',
    ]);
    expect(problems({ service: '--all-namespaces' })).toEqual([
      'service: cannot start with "-" (it would read as an option)',
    ]);
    expect(problems({ service: 'x'.repeat(257) })).toEqual(['service: is 257 characters long (at most 256)']);
    expect(problems({}, { service: 'a`id`b' })).toEqual([
      'service: "a`id`b" does not match a plain word (letters, digits, . _ -) (from alert.labels.service)',
    ]);
    expect(problems({}, { service: 'ok\r\nInjected: header' })[0]).toMatch(
      /control character.*\(from alert.labels.service\)/,
    );
    expect(problems({ note: 'x'.repeat(65) })).toEqual(['note: is 65 characters long (at most 64)']);
    expect(problems({ replicas: '3; reboot' })).toEqual(['replicas: "3; reboot" is not a whole number']);
    expect(problems({ replicas: '11' })).toEqual(['replicas: 11 is above the maximum 10']);
    expect(problems({ mode: 'fast --force' })).toEqual(['mode: "fast --force" is not one of fast, safe']);
    expect(problems({ wait: '1h' })).toEqual(['wait: 1h is longer than the maximum']);
    expect(problems({ nope: 'x' })[0]).toMatch(/has no parameter "nope"/);
    expect(problems({}, {})).toEqual(['service: needs a value (service=…; alert.labels.service is not set here)']);
  });

  it('a value the runbook allows to hold metacharacters reaches the process as one inert argument', async () => {
    const hostile = "it's $(id) `id` ; | && > /tmp/x *";
    const planned = planRunbook(
      runbook()!,
      { note: hostile, replicas: '3', wait: '2m' },
      { alert: alert({ service: 'checkout' }) },
      executorDefinitions(testSettings({ commandAllow: [s.args] })),
    );
    if (!planned.ok) throw new Error(planned.error.message);
    const step = planned.value.steps[0]!;
    expect(step.action.args).toEqual(['--service=checkout', hostile, '3', 'safe', '120s']);
    expect(step.display[0]).toBe(
      `$ ${s.args} --service=checkout 'it'\\''s $(id) \`id\` ; | && > /tmp/x *' 3 safe 120s`,
    );
    const run = createCommandRunner({ allow: [s.args], maxOutputBytes: 4096, baseEnv: { PATH: '/usr/bin:/bin' } });
    const out = await run(step.action, { timeoutMs: 5000, signal: new AbortController().signal });
    expect(out.output.trim().split('\n')).toEqual(['[--service=checkout]', `[${hostile}]`, '[3]', '[safe]', '[120s]']);
  });

  it('the same parameters always render the same hash; any change of value changes it', () => {
    const defs = executorDefinitions(testSettings({ commandAllow: [s.args] }));
    const ctx = { alert: alert({ service: 'checkout' }) };
    const a = planRunbook(runbook()!, {}, ctx, defs);
    const b = planRunbook(runbook()!, {}, ctx, defs);
    const c = planRunbook(runbook()!, { replicas: '3' }, ctx, defs);
    expect(a.ok && b.ok && a.value.steps[0]?.hash === b.value.steps[0]?.hash).toBe(true);
    expect(a.ok && c.ok && a.value.steps[0]?.hash !== c.value.steps[0]?.hash).toBe(true);
  });
});
