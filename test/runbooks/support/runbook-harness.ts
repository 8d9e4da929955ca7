import { afterEach, beforeEach } from 'vitest';
import { createExecutorRegistry } from '../../../src/adapters/executors/create-executor-registry.ts';
import { formatRunbookProblem } from '../../../src/adapters/runbooks/format-runbook-problem.ts';
import { parseRunbookFile } from '../../../src/adapters/runbooks/parse-runbook-file.ts';
import type { RunbookDeps } from '../../../src/app/runbooks/runbook-deps.ts';
import { executorDefinitions } from '../../../src/core/runbooks/executor-definitions.ts';
import type { ExecutorSettings } from '../../../src/core/runbooks/executor-settings.ts';
import type { Runbook } from '../../../src/core/runbooks/runbook.ts';
import type { RunbookCatalog } from '../../../src/core/runbooks/runbook-catalog.ts';
import type { RunbookValidationContext } from '../../../src/core/runbooks/runbook-validation-context.ts';
import type { SignalProbe } from '../../../src/core/runbooks/signal-probe.ts';
import type { Storage } from '../../../src/core/storage/storage.ts';
import type { Backend, TestDatabase } from '../../storage/support/backends.ts';
import { type FakeKubectl, installFakeKubectl } from '../../support/fake-kubectl.ts';

export const T0 = Date.UTC(2026, 6, 13, 18, 15, 0);

/** Approver groups of the tests: users U0SRE1..3 and the user group S0SREGRP in sre; U0OPS1 in oncall. */
export const GROUPS = { sre: ['U0SRE1', 'U0SRE2', 'U0SRE3', 'S0SREGRP'], oncall: ['U0OPS1', 'U0OPS2'] };

export function testSettings(extra: Partial<ExecutorSettings> = {}): ExecutorSettings {
  return {
    httpAllowHosts: ['127.0.0.1'],
    commandAllow: [],
    commandAllowProgramRunners: false,
    kubectlPath: 'kubectl',
    kubectlNamespaces: [],
    secretEnv: ['TEST_DEPLOY_TOKEN'],
    ...extra,
  };
}

export function testValidationContext(settings = testSettings()): RunbookValidationContext {
  return {
    executors: executorDefinitions(settings),
    approverGroups: Object.keys(GROUPS),
    defaultFrom: ['oncall'],
    highRiskMin: 2,
    defaultTimeoutMs: 30_000,
    maxTimeoutMs: 600_000,
    maxParamLength: 256,
  };
}

/** Runbooks from YAML texts, validated as at start-up (a problem fails the test with its location). */
export function catalogOf(texts: readonly string[], ctx = testValidationContext()): RunbookCatalog {
  const out = new Map<string, Runbook>();
  texts.forEach((t, i) => {
    const r = parseRunbookFile(`test-${i}.yaml`, t, ctx);
    if (!r.ok) throw new Error(r.error.map(formatRunbookProblem).join('\n'));
    out.set(r.value.runbook.id, r.value.runbook);
  });
  return out;
}

/** A probe answering from a list of values (the last one repeats). */
export function scriptedProbe(values: number[]): SignalProbe & { reads: number } {
  const probe = {
    name: 'scripted',
    reads: 0,
    async read() {
      const v = values[Math.min(probe.reads, values.length - 1)] as number;
      probe.reads++;
      return { state: 'ok' as const, value: v };
    },
  };
  return probe;
}

/** A clock the test moves. */
export function testClock(start = T0): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** The use-cases' deps over a storage, with real executors (kubectl from `path`), a scripted probe and a test clock. */
export function runbookDeps(
  storage: Storage,
  o: {
    readonly catalog: RunbookCatalog;
    readonly path: string;
    readonly probe?: SignalProbe;
    readonly clock?: { now: () => number };
    readonly settings?: ExecutorSettings;
    readonly env?: Record<string, string>;
  },
): RunbookDeps {
  let n = 0;
  const clock = o.clock ?? testClock();
  return {
    runs: storage.runs,
    audit: storage.audit,
    effects: storage.effects,
    catalog: o.catalog,
    executors: createExecutorRegistry({
      settings: o.settings ?? testSettings(),
      maxOutputBytes: 65_536,
      env: { PATH: o.path, ...(o.env ?? {}) },
      probe: o.probe ?? scriptedProbe([0.01]),
      now: clock.now,
      killGraceMs: 200,
    }),
    policy: { groups: GROUPS, expiryMs: 30 * 60_000 },
    now: clock.now,
    newId: () => `r${++n}-${Math.random().toString(36).slice(2, 8)}`,
  };
}

/** A runbook with a read step, a high-risk approved undo verified by a check, and an approved rollback. */
export const UNDO_RUNBOOK = `
id: undo-checkout
title: Undo the deploy of a service
match:
  kinds: [deploy]
params:
  service:
    type: string
    from: hypothesis.service
    default: checkout
  namespace:
    type: string
    default: shop
steps:
  - id: status
    name: Status of {{ params.service }}
    uses: kubectl
    with:
      verb: rollout status
      resource: deployment/{{ params.service }}
      namespace: '{{ params.namespace }}'
  - id: undo
    name: Undo {{ params.service }}
    uses: kubectl
    with:
      verb: rollout undo
      resource: deployment/{{ params.service }}
      namespace: '{{ params.namespace }}'
    approval:
      from: [sre]
    onFailure: rollback
    verify:
      id: healthy
      name: Error rate of {{ params.service }} under 5 %
      uses: check
      with:
        signal: error-rate
        service: '{{ params.service }}'
        below: 0.05
        every: 0.2s
      timeout: 1s
    rollback:
      - id: restart
        name: Restart {{ params.service }}
        uses: kubectl
        with:
          verb: rollout restart
          resource: deployment/{{ params.service }}
          namespace: '{{ params.namespace }}'
        approval:
          from: [sre]
`;

/** A runbook whose first step (approved by one of oncall) runs `script`, then a second step waits. */
export function crashRunbook(script: string): string {
  return `
id: crash
title: Crash test
params: {}
steps:
  - id: slow
    name: A slow step
    uses: command
    with:
      executable: ${script}
    approval:
      from: [oncall]
  - id: after
    name: After
    uses: wait
    with:
      duration: 1s
`;
}

/** Per test: a fake kubectl on PATH and a fresh database of `backend` (when asked for), both cleaned up after it. */
export function runbookTestEnv(backend: Backend): { readonly kubectl: FakeKubectl; fresh(): Promise<TestDatabase> } {
  let kubectl: FakeKubectl | undefined;
  let db: TestDatabase | undefined;
  beforeEach(() => {
    kubectl = installFakeKubectl();
    db = undefined;
  });
  afterEach(async () => {
    kubectl?.cleanup();
    await db?.cleanup();
  });
  return {
    get kubectl() {
      if (!kubectl) throw new Error('runbookTestEnv: kubectl is there only inside a test');
      return kubectl;
    },
    async fresh() {
      db = await backend.fresh();
      return db;
    },
  };
}
