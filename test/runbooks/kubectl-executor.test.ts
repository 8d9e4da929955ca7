import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutorRegistry } from '../../src/adapters/executors/create-executor-registry.ts';
import { kubectlDefinition } from '../../src/core/runbooks/executors/kubectl-definition.ts';
import { type FakeKubectl, installFakeKubectl } from '../support/fake-kubectl.ts';
import { testSettings } from './support/runbook-harness.ts';

const ctx = { timeoutMs: 5000, signal: new AbortController().signal };

describe('kubectl executor: a fixed verb set, argv built by Causeway, run through a fake kubectl on PATH', () => {
  let k: FakeKubectl;
  beforeAll(() => {
    k = installFakeKubectl();
  });
  afterAll(() => k.cleanup());

  const def = kubectlDefinition(testSettings({ kubectlNamespaces: ['shop', 'default'] }));
  const render = (w: Record<string, unknown>, params: Record<string, string | number> = {}) => def.render(w, params);

  it('renders each verb to its argv and declares its risk', () => {
    const cases: [Record<string, unknown>, string[], string][] = [
      [
        { verb: 'rollout status', resource: 'deployment/checkout', namespace: 'shop', timeout: '2m' },
        ['rollout', 'status', 'deployment/checkout', '--namespace=shop', '--timeout=120s'],
        'read',
      ],
      [
        { verb: 'rollout restart', resource: 'deploy/checkout', namespace: 'shop' },
        ['rollout', 'restart', 'deploy/checkout', '--namespace=shop'],
        'low',
      ],
      [
        { verb: 'scale', resource: 'deployment/checkout', namespace: 'shop', replicas: 6 },
        ['scale', 'deployment/checkout', '--namespace=shop', '--replicas=6'],
        'low',
      ],
      [
        { verb: 'rollout undo', resource: 'statefulset/db', namespace: 'default', toRevision: 3 },
        ['rollout', 'undo', 'statefulset/db', '--namespace=default', '--to-revision=3'],
        'high',
      ],
    ];
    for (const [w, argv, risk] of cases) {
      const r = render(w);
      expect(r.ok && r.value.action.args).toEqual(argv);
      expect(def.risk(w)).toBe(risk);
    }
  });

  it('refuses verbs outside the set, misplaced options, bad names and namespaces outside the allowlist', () => {
    expect(def.check({ verb: 'delete', resource: 'deployment/x' })[0]?.message).toMatch(
      /expected one of: rollout undo/,
    );
    expect(def.check({ verb: 'rollout status', resource: 'deployment/x', replicas: 3 })).toEqual([
      { path: ['replicas'], message: 'only for scale' },
    ]);
    expect(def.check({ verb: 'scale', resource: 'deployment/x' })).toEqual([
      { path: ['replicas'], message: 'scale needs replicas' },
    ]);
    expect(def.check({ verb: '{{ params.v }}', resource: 'deployment/x' })[0]?.path).toEqual(['verb']);
    const bad = (resource: string, namespace = 'shop') => {
      const r = render(
        { verb: 'rollout restart', resource: 'deployment/{{ params.s }}', namespace: '{{ params.ns }}' },
        { s: resource, ns: namespace },
      );
      return r.ok ? [] : r.error.map((p) => p.path.join('.'));
    };
    expect(bad('checkout; kubectl delete ns prod')).toEqual(['resource']);
    expect(bad('../../secrets')).toEqual(['resource']);
    expect(bad('Checkout')).toEqual(['resource']);
    expect(bad('checkout', 'kube-system')).toEqual(['namespace']);
    expect(bad('checkout', '--all-namespaces')).toEqual(['namespace']);
    expect(render({ verb: 'rollout undo', resource: 'secret/x', namespace: 'shop' }).ok).toBe(false);
    expect(
      render({ verb: 'scale', resource: 'deployment/x', namespace: 'shop', replicas: '{{ params.n }}' }, { n: '5; rm' })
        .ok,
    ).toBe(false);
  });

  it('runs the rendered argv through the kubectl found first on PATH, and nothing else', async () => {
    const reg = createExecutorRegistry({
      settings: testSettings(),
      maxOutputBytes: 4096,
      env: { PATH: k.path, CAUSEWAY_SLACK_BOT_TOKEN: 'xoxb-never-passed-on' },
      now: Date.now,
    });
    const run = reg.runners.get('kubectl');
    const r = render({ verb: 'rollout undo', resource: 'deployment/checkout', namespace: 'shop' });
    if (!r.ok || !run) throw new Error('render failed');
    const out = await run(r.value.action, ctx);
    expect(out).toMatchObject({ status: 'succeeded', exitCode: 0 });
    expect(out.output).toBe('fake kubectl: rollout undo deployment/checkout --namespace=shop\n');
    expect(k.calls()).toEqual([['rollout', 'undo', 'deployment/checkout', '--namespace=shop']]);
    // Only the configured kubectl may run under the kubectl executor.
    const other = await run({ executable: '/bin/sh', args: ['-c', 'id'], env: {} }, ctx);
    expect(other).toMatchObject({ status: 'failed', summary: 'refused: /bin/sh is not an allowed executable' });
    k.behave({ exitCode: 1, stdout: 'error: deployments.apps "checkout" not found\n' });
    const failed = await run(r.value.action, ctx);
    expect(failed).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(failed.output).toContain('not found');
    k.behave({});
  });
});
