import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { formatRunbookProblem } from '../../src/adapters/runbooks/format-runbook-problem.ts';
import { loadRunbookCatalog } from '../../src/adapters/runbooks/load-runbook-catalog.ts';
import type { Config } from '../../src/core/config/config-schema.ts';
import { executorSettingsFromConfig } from '../../src/core/config/executor-settings-from-config.ts';
import { validationContextFromConfig } from '../../src/core/config/validation-context-from-config.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';
import { createCatalogRunbookFinder } from '../../src/core/runbooks/create-catalog-runbook-finder.ts';
import { executorDefinitions } from '../../src/core/runbooks/executor-definitions.ts';
import { matchRunbooks } from '../../src/core/runbooks/match-runbooks.ts';
import { planRunbook } from '../../src/core/runbooks/plan-runbook.ts';
import type { RunbookCatalog } from '../../src/core/runbooks/runbook-catalog.ts';
import { triageFiles } from '../support/elasticsearch.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const EXAMPLE_CONFIG = readFileSync(`${ROOT}runbooks/config/example.yaml`, 'utf8');

function config(text: string): Readonly<Config> {
  const r = loadConfig({ env: {}, file: { path: 'example.yaml', text } });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function load(cfg: Readonly<Config>) {
  const defs = executorDefinitions(executorSettingsFromConfig(cfg));
  return loadRunbookCatalog(`${ROOT}runbooks`, validationContextFromConfig(cfg, defs), ROOT);
}

describe('the shipped runbooks', () => {
  let catalog: RunbookCatalog;
  let report: TriageReport;
  const cfg = config(EXAMPLE_CONFIG);
  beforeAll(async () => {
    const r = await load(cfg);
    if (!r.ok) throw new Error(r.error.map(formatRunbookProblem).join('\n'));
    catalog = r.value;
    report = await triageFiles(`${ROOT}examples/webshop-deploy`);
  });

  it('validate with the example configuration, and not without approver groups and allowlists', async () => {
    expect([...catalog.keys()]).toEqual([
      'clear-stuck-queue',
      'diagnostics',
      'restart-service',
      'rollback-last-deploy',
      'scale-out',
    ]);
    const bare = await load(config(''));
    const where = bare.ok ? [] : bare.error.map((p) => `${p.file}:${p.line}: ${p.field}`);
    expect(where).toContain('runbooks/rollback-last-deploy.yaml:57: steps[1].approval.from');
    expect(where).toContain('runbooks/clear-stuck-queue.yaml:26: steps[0].with.url');
  });

  it('the webshop deploy incident is offered the rollback first, rendered for the blamed service and change, to the revision a person names', () => {
    const offers = matchRunbooks(catalog, report);
    expect(offers.map((o) => [o.runbook.id, o.rank, o.why])).toEqual([
      ['rollback-last-deploy', 1, 'quoterservice — deploy'],
      ['diagnostics', 1, 'leading hypothesis quoterservice'],
    ]);
    const defs = executorDefinitions(executorSettingsFromConfig(cfg));
    const ctx = { alert: report.alerts[0], hypothesis: offers[0]?.hypothesis };
    // No revision: never "undo whatever rolled out last"; the person names the one to return to.
    const unnamed = planRunbook(catalog.get('rollback-last-deploy')!, {}, ctx, defs);
    expect(unnamed.ok ? '' : unnamed.error).toEqual({
      code: 'RUNBOOK_PARAMS_INVALID',
      message: 'rollback-last-deploy: revision needs a value (revision=…)',
    });
    const plan = planRunbook(catalog.get('rollback-last-deploy')!, { revision: '41' }, ctx, defs);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.params).toEqual({
      service: 'quoterservice',
      namespace: 'default',
      revision: 41,
      change: 'gl-deploy-94201',
    });
    expect(plan.value.paramSources).toEqual({
      service: 'hypothesis.service',
      namespace: 'default',
      revision: 'given',
      change: 'hypothesis.changeId',
    });
    // Roll back to the named revision, wait for that rollout to finish, and only then check the error rate.
    expect(plan.value.steps.map((s) => [s.id, s.risk, s.approval?.min ?? 0, s.display[0]])).toEqual([
      ['before', 'read', 0, '$ kubectl rollout status deployment/quoterservice --namespace=default --timeout=10s'],
      ['undo', 'high', 2, '$ kubectl rollout undo deployment/quoterservice --namespace=default --to-revision=41'],
      ['settled', 'read', 0, '$ kubectl rollout status deployment/quoterservice --namespace=default --timeout=300s'],
      ['recovered', 'read', 0, 'check error-rate of quoterservice < 0.05 over the last 5m, every 15s, until it holds'],
    ]);
    const bad = planRunbook(catalog.get('rollback-last-deploy')!, { revision: 'HEAD~1' }, ctx, defs);
    expect(bad.ok).toBe(false);
  });

  it('parameters given by a person win; invalid ones are reported together', () => {
    const defs = executorDefinitions(executorSettingsFromConfig(cfg));
    const scale = planRunbook(catalog.get('scale-out')!, { service: 'cart', replicas: '12' }, {}, defs);
    expect(scale.ok && scale.value.steps[0]?.display[0]).toBe(
      '$ kubectl scale deployment/cart --namespace=default --replicas=12',
    );
    const bad = planRunbook(catalog.get('scale-out')!, { replicas: '500' }, {}, defs);
    expect(bad.ok ? '' : bad.error).toEqual({
      code: 'RUNBOOK_PARAMS_INVALID',
      message:
        'scale-out: service needs a value (service=…; hypothesis.service is not set here); replicas 500 is above the maximum 50',
    });
  });

  it("fills the chat's RunbookFinder port", async () => {
    const finder = createCatalogRunbookFinder(catalog);
    expect(finder.configured).toBe(true);
    expect(
      (await finder.forIncident({ service: 'quoterservice', kind: 'deploy', alertName: 'HighErrorLogRate' })).map(
        (s) => s.id,
      ),
    ).toEqual(['diagnostics', 'rollback-last-deploy']);
    expect(
      (await finder.forIncident({ service: 'orders', kind: undefined, alertName: 'QueueBacklogHigh' })).map(
        (s) => s.id,
      ),
    ).toEqual(['clear-stuck-queue', 'diagnostics']);
    expect((await finder.search('queue')).map((s) => s.id)).toEqual(['clear-stuck-queue']);
  });
});
