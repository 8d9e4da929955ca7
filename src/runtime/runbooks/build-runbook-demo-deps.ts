import { randomBytes, randomUUID } from 'node:crypto';
import { demoRunbookYaml } from '../../adapters/cli/runbooks/demo-runbook-yaml.ts';
import { type DemoDeployApi, startDemoDeployApi } from '../../adapters/cli/runbooks/start-demo-deploy-api.ts';
import { createExecutorRegistry } from '../../adapters/executors/create-executor-registry.ts';
import { formatRunbookProblem } from '../../adapters/runbooks/format-runbook-problem.ts';
import { parseRunbookFile } from '../../adapters/runbooks/parse-runbook-file.ts';
import type { RunbookDeps } from '../../app/runbooks/runbook-deps.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import type { ExecutorSettings } from '../../core/runbooks/executor-settings.ts';
import type { Storage } from '../../core/storage/storage.ts';

/** The demo's approvers (Slack user ids of the built-in `sre` group) and requester. */
export const DEMO_USERS = { requester: 'U0DEMOREQ', approvers: ['U0DEMOSRE1', 'U0DEMOSRE2'] as const };

/**
 * Everything `demonstrateApprovedRunbook` needs for a demo with nothing outside this machine: the
 * demo deploy API on 127.0.0.1, the demo runbook (validated), executors allowed to reach only
 * 127.0.0.1 with a fresh secret token, checks reading the demo API's error rates, an `sre` group
 * of the two demo approvers, and the given storage (e.g. `sqlite::memory:`). Close it after.
 */
export async function buildRunbookDemoDeps(
  storage: Storage,
  now: () => number,
): Promise<Result<{ readonly deps: RunbookDeps; readonly api: DemoDeployApi; close(): Promise<void> }, CausewayError>> {
  const token = randomBytes(24).toString('base64url');
  const api = await startDemoDeployApi(token, now);
  const settings: ExecutorSettings = {
    httpAllowHosts: ['127.0.0.1'],
    commandAllow: [],
    commandAllowProgramRunners: false,
    kubectlPath: 'kubectl',
    kubectlNamespaces: [],
    secretEnv: ['CAUSEWAY_DEMO_DEPLOY_TOKEN'],
  };
  const executors = createExecutorRegistry({
    settings,
    maxOutputBytes: 65_536,
    env: { CAUSEWAY_DEMO_DEPLOY_TOKEN: token },
    probe: api.probe,
    now,
  });
  const parsed = parseRunbookFile('demo-rollback.yaml', demoRunbookYaml(api.port), {
    executors: executors.definitions,
    approverGroups: ['sre'],
    defaultFrom: ['sre'],
    highRiskMin: 2,
    defaultTimeoutMs: 30_000,
    maxTimeoutMs: 600_000,
    maxParamLength: 256,
  });
  if (!parsed.ok) {
    await api.close();
    return {
      ok: false,
      error: { code: 'RUNBOOK_INVALID', message: parsed.error.map(formatRunbookProblem).join('; ') },
    };
  }
  const deps: RunbookDeps = {
    runs: storage.runs,
    audit: storage.audit,
    effects: storage.effects,
    catalog: new Map([[parsed.value.runbook.id, parsed.value.runbook]]),
    executors,
    policy: { groups: { sre: [...DEMO_USERS.approvers] }, expiryMs: 30 * 60_000 },
    now,
    newId: () => `run-${randomUUID().slice(0, 8)}`,
  };
  return { ok: true, value: { deps, api, close: () => api.close() } };
}
