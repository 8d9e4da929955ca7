import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { advanceRun } from '../../src/app/runbooks/advance-run.ts';
import { decideApproval } from '../../src/app/runbooks/decide-approval.ts';
import { executeApprovedStep } from '../../src/app/runbooks/execute-approved-step.ts';
import { proposeRun } from '../../src/app/runbooks/propose-run.ts';
import { requestApproval } from '../../src/app/runbooks/request-approval.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { BACKENDS } from '../storage/support/backends.ts';
import { catalogOf, GROUPS, runbookDeps, runbookTestEnv, UNDO_RUNBOOK } from './support/runbook-harness.ts';

/** 50 approvers: the three SRE users, and 47 more who are in the SRE Slack user group. */
const APPROVERS = [
  'U0SRE1',
  'U0SRE2',
  'U0SRE3',
  ...Array.from({ length: 47 }, (_, i) => `U0GRP${String(i).padStart(2, '0')}`),
];
const groupsOf = async (u: string) => (u.startsWith('U0GRP') ? ['S0SREGRP'] : []);

// Exactly once under contention: 50 people click Approve at the same moment, and each click also
// tries to move the run on, from several "replicas" (separate stores, connection pools) at once.
describe.each(BACKENDS)('exactly once under concurrency: $name', (backend) => {
  const env = runbookTestEnv(backend);

  it('50 simultaneous approvals + advances of one step across 4 replicas → the step runs exactly once', async () => {
    const db = await env.fresh();
    const replicas: Storage[] = [];
    for (let i = 0; i < 4; i++)
      replicas.push(await db.open({ instanceId: `replica-${i}`, poolSize: 4, clock: Date.now }));
    const catalog = catalogOf([UNDO_RUNBOOK]);
    const deps = replicas.map((s) => runbookDeps(s, { catalog, path: env.kubectl.path, clock: { now: Date.now } }));
    const d0 = deps[0] as (typeof deps)[number];
    const p = await proposeRun(d0, { runbookId: 'undo-checkout', incidentId: 'INC-9', proposedBy: 'slack:U0ALICE' });
    if (!p.ok) throw new Error(p.error.message);
    const runId = p.value.run.id;
    await requestApproval(d0, { runId, requestedBy: 'slack:U0ALICE' });
    expect(GROUPS.sre).toContain('S0SREGRP');

    const outcomes = await Promise.all(
      APPROVERS.map(async (user, i) => {
        const d = deps[i % deps.length] as (typeof deps)[number];
        const decided = await decideApproval(d, { runId, step: 1, user, decision: 'approve', groupsOf });
        const advanced = await advanceRun(d, { runId, actor: `slack:${user}` });
        return { decided, advanced };
      }),
    );
    const recorded = outcomes.filter((o) => o.decided.outcome === 'recorded');
    // Once two approvals are in, the request is granted; later clicks are refused as not pending.
    expect(recorded.length).toBeGreaterThanOrEqual(2);
    expect(
      outcomes
        .filter((o) => o.decided.outcome === 'refused')
        .every((o) => o.decided.outcome === 'refused' && o.decided.reason === 'not-pending'),
    ).toBe(true);
    const undos = env.kubectl.calls().filter((c) => c[1] === 'undo');
    const statuses = env.kubectl.calls().filter((c) => c[1] === 'status');
    expect(undos).toHaveLength(1);
    expect(statuses).toHaveLength(1);
    const executedUndo = outcomes.flatMap((o) => o.advanced.executed).filter((r) => r.step.id === 'undo');
    expect(executedUndo).toHaveLength(1);
    // Every advance ends consistently, and the run ends once.
    const run = await replicas[0]?.runs.get(runId);
    expect(run?.status).toBe('succeeded');
    const trail = await replicas[0]?.audit.query({ incidentId: 'INC-9' });
    expect(trail?.filter((r) => r.action === 'run.finished')).toHaveLength(1);
    expect(trail?.filter((r) => r.action === 'step.started')).toHaveLength(3);
    expect((await verifyAudit(replicas[0] as Storage)).ok).toBe(true);
  });

  it('50 simultaneous executions of one approved step (retries, double clicks) → one runs, 49 are skipped', async () => {
    const db = await env.fresh();
    const replicas: Storage[] = [];
    for (let i = 0; i < 3; i++)
      replicas.push(await db.open({ instanceId: `replica-${i}`, poolSize: 4, clock: Date.now }));
    const catalog = catalogOf([UNDO_RUNBOOK]);
    const deps = replicas.map((s) => runbookDeps(s, { catalog, path: env.kubectl.path, clock: { now: Date.now } }));
    const d0 = deps[0] as (typeof deps)[number];
    const p = await proposeRun(d0, { runbookId: 'undo-checkout', incidentId: 'INC-9', proposedBy: 'slack:U0ALICE' });
    if (!p.ok) throw new Error(p.error.message);
    const runId = p.value.run.id;
    await requestApproval(d0, { runId, requestedBy: 'slack:U0ALICE' });
    for (const user of ['U0SRE1', 'U0SRE2'])
      await decideApproval(d0, { runId, step: 1, user, decision: 'approve', groupsOf });
    env.kubectl.behave({ sleepMs: 200 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        executeApprovedStep(deps[i % deps.length] as (typeof deps)[number], { runId, step: 1, actor: 'slack:U0SRE1' }),
      ),
    );
    expect(results.filter((r) => r.outcome === 'succeeded')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'skipped')).toHaveLength(49);
    expect(env.kubectl.calls()).toEqual([['rollout', 'undo', 'deployment/checkout', '--namespace=shop']]);
  });

  it('an advance waits for a step another caller has begun (never mistakes it for a failure) and then carries on', async () => {
    const db = await env.fresh();
    const storage = await db.open({ clock: Date.now });
    const deps = runbookDeps(storage, {
      catalog: catalogOf([UNDO_RUNBOOK]),
      path: env.kubectl.path,
      clock: { now: Date.now },
    });
    const p = await proposeRun(deps, { runbookId: 'undo-checkout', incidentId: 'INC-9', proposedBy: 'slack:U0ALICE' });
    if (!p.ok) throw new Error(p.error.message);
    const runId = p.value.run.id;
    // Another replica has just begun step 0 (journal written) but not yet marked it running.
    await storage.effects.begin({
      id: `run:${runId}/step:0`,
      kind: 'runbook.kubectl',
      subject: `run:${runId}/step:0`,
      actor: 'system',
    });
    const waited = await advanceRun(deps, { runId, actor: 'system', waitForOthersMs: 300 });
    expect(waited.state).toBe('in-progress');
    expect(waited.run?.status).toBe('proposed');
    expect(env.kubectl.calls()).toEqual([]);
    // It finishes while a second advance waits; that advance then goes on to the next step.
    const second = advanceRun(deps, { runId, actor: 'system', waitForOthersMs: 5000 });
    await storage.runs.transitionStep(runId, 0, ['pending'], { status: 'running', at: Date.now() });
    await storage.effects.finish(`run:${runId}/step:0`, { status: 'succeeded', exitCode: 0, output: 'ok' });
    await storage.runs.transitionStep(runId, 0, ['running'], { status: 'succeeded', at: Date.now() });
    const r = await second;
    expect(r).toMatchObject({ state: 'needs-approval', waitingFor: { id: 'undo' } });
    expect(env.kubectl.calls()).toEqual([]);
  });
});
