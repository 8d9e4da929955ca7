import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { advanceRun } from '../../src/app/runbooks/advance-run.ts';
import { decideApproval } from '../../src/app/runbooks/decide-approval.ts';
import { executeApprovedStep } from '../../src/app/runbooks/execute-approved-step.ts';
import { expireApprovals } from '../../src/app/runbooks/expire-approvals.ts';
import { proposeRun } from '../../src/app/runbooks/propose-run.ts';
import { requestApproval } from '../../src/app/runbooks/request-approval.ts';
import type { RunbookDeps } from '../../src/app/runbooks/runbook-deps.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { BACKENDS } from '../storage/support/backends.ts';
import {
  catalogOf,
  runbookDeps,
  runbookTestEnv,
  scriptedProbe,
  testClock,
  UNDO_RUNBOOK,
} from './support/runbook-harness.ts';

const noGroups = async () => [];
const groupsOf = async (u: string) => (u === 'U0GRPMEMBER' ? ['S0SREGRP'] : []);

async function proposed(deps: RunbookDeps) {
  const r = await proposeRun(deps, {
    runbookId: 'undo-checkout',
    incidentId: 'INC-7',
    params: { service: 'checkout' },
    proposedBy: 'slack:U0ALICE',
  });
  if (!r.ok) throw new Error(r.error.message);
  const asked = await requestApproval(deps, { runId: r.value.run.id, requestedBy: 'slack:U0ALICE' });
  if (!asked.ok) throw new Error(asked.error.message);
  return { run: r.value.run, plan: r.value.plan, requested: asked.value.requested };
}

async function actions(storage: Storage) {
  return (await storage.audit.query({ incidentId: 'INC-7' })).map((r) => r.action);
}

describe.each(BACKENDS)('approval flow: $name', (backend) => {
  const env = runbookTestEnv(backend);

  it('two distinct approvers (one through a Slack user group) grant the high-risk step; requester and outsiders are refused and audited; the step runs once and is verified', async () => {
    const db = await env.fresh();
    const storage = await db.open();
    const probe = scriptedProbe([0.2, 0.01]);
    const deps = runbookDeps(storage, { catalog: catalogOf([UNDO_RUNBOOK]), path: env.kubectl.path, probe });
    const { run, plan, requested } = await proposed(deps);
    expect(plan.steps.map((s) => [s.index, s.id, s.role, s.risk, s.approval?.min])).toEqual([
      [0, 'status', 'main', 'read', undefined],
      [1, 'undo', 'main', 'high', 2],
      [2, 'healthy', 'verify', 'read', undefined],
      [3, 'restart', 'rollback', 'low', 1],
    ]);
    expect(requested.map((r) => [r.stepIndex, r.required])).toEqual([
      [1, 2],
      [3, 1],
    ]);
    const undoHash = plan.steps[1]?.hash as string;
    const decide = (user: string, decision: 'approve' | 'reject' = 'approve', extra = {}) =>
      decideApproval(deps, { runId: run.id, step: 1, user, decision, groupsOf, ...extra });

    expect(await decide('U0ALICE')).toMatchObject({
      outcome: 'refused',
      reason: 'requester',
      code: 'APPROVAL_FORBIDDEN',
    });
    expect(await decide('U0MALLORY')).toMatchObject({
      outcome: 'refused',
      reason: 'not-approver',
      code: 'APPROVAL_FORBIDDEN',
    });
    expect(await decide('U0SRE1', 'approve', { stepHash: 'sha256:0000' })).toMatchObject({
      outcome: 'refused',
      reason: 'hash-mismatch',
      code: 'APPROVAL_STALE',
    });
    // Not approved yet: asking to run it gets "needs approval", nothing runs.
    expect((await executeApprovedStep(deps, { runId: run.id, step: 1, actor: 'system' })).outcome).toBe(
      'needs-approval',
    );
    const first = await decide('U0SRE1', 'approve', { stepHash: undoHash });
    expect(first).toMatchObject({ outcome: 'recorded', state: 'pending' });
    expect(await decide('U0SRE1')).toMatchObject({ outcome: 'refused', reason: 'already-decided' });
    const second = await decide('U0GRPMEMBER');
    expect(second).toMatchObject({ outcome: 'recorded', state: 'granted' });
    expect(second.outcome === 'recorded' && [...second.tally.approvers].sort()).toEqual([
      'slack:U0GRPMEMBER',
      'slack:U0SRE1',
    ]);
    expect((await storage.runs.get(run.id))?.steps[1]?.status).toBe('approved');

    const streamed: string[] = [];
    const adv = await advanceRun(deps, {
      runId: run.id,
      actor: 'slack:U0GRPMEMBER',
      onStep: (r) => void streamed.push(`${r.step.id}:${r.status}`),
    });
    expect(adv.state).toBe('finished');
    expect(adv.run?.status).toBe('succeeded');
    expect(streamed).toEqual(['status:succeeded', 'undo:succeeded', 'healthy:succeeded']);
    expect(adv.executed[2]?.summary).toBe('error-rate of checkout is 0.01 (< 0.05) after 2 readings');
    expect(adv.run?.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'skipped']);
    expect(env.kubectl.calls()).toEqual([
      ['rollout', 'status', 'deployment/checkout', '--namespace=shop'],
      ['rollout', 'undo', 'deployment/checkout', '--namespace=shop'],
    ]);
    // Single use: the approval and the step are spent.
    expect(await executeApprovedStep(deps, { runId: run.id, step: 1, actor: 'slack:U0SRE1' })).toMatchObject({
      outcome: 'skipped',
      reason: 'already-ran',
    });
    expect((await advanceRun(deps, { runId: run.id, actor: 'system' })).executed).toEqual([]);
    expect(env.kubectl.calls()).toHaveLength(2);
    expect(adv.executed[1]?.outputHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(adv.run?.steps[1]?.outputHash).toBe(adv.executed[1]?.outputHash);

    const trail = await storage.audit.query({ incidentId: 'INC-7' });
    expect(trail.map((r) => r.action)).toEqual([
      'runbook.proposed',
      'approval.requested',
      'approval.requested',
      'approval.refused',
      'approval.refused',
      'approval.refused',
      'approval.granted',
      'approval.refused',
      'approval.granted',
      'step.started',
      'step.finished',
      'step.started',
      'step.finished',
      'step.started',
      'step.finished',
      'run.finished',
    ]);
    const refusals = trail.filter((r) => r.action === 'approval.refused');
    expect(refusals.map((r) => [r.actor, r.data.reason])).toEqual([
      ['slack:U0ALICE', 'requester'],
      ['slack:U0MALLORY', 'not-approver'],
      ['slack:U0SRE1', 'hash-mismatch'],
      ['slack:U0SRE1', 'already-decided'],
    ]);
    const undoStart = trail.filter((r) => r.action === 'step.started')[1];
    expect(undoStart?.data).toMatchObject({
      intent: { stepHash: undoHash, rendered: '$ kubectl rollout undo deployment/checkout --namespace=shop' },
    });
    expect((await verifyAudit(storage)).ok).toBe(true);
  });

  it('an approval request expires after 30 minutes: the late approval is refused and audited, and approval can be asked again', async () => {
    const db = await env.fresh();
    const storage = await db.open();
    const clock = testClock();
    const deps = runbookDeps(storage, { catalog: catalogOf([UNDO_RUNBOOK]), path: env.kubectl.path, clock });
    const { run } = await proposed(deps);
    expect(
      await decideApproval(deps, { runId: run.id, step: 1, user: 'U0SRE1', decision: 'approve', groupsOf: noGroups }),
    ).toMatchObject({
      state: 'pending',
    });
    clock.advance(30 * 60_000 + 1);
    expect(
      await decideApproval(deps, { runId: run.id, step: 1, user: 'U0SRE2', decision: 'approve', groupsOf: noGroups }),
    ).toMatchObject({
      outcome: 'refused',
      reason: 'expired',
      code: 'APPROVAL_EXPIRED',
    });
    expect((await storage.runs.get(run.id))?.steps[1]?.status).toBe('expired');
    // The sweep finds the other expired request (the rollback step's).
    expect((await expireApprovals(deps)).map((r) => r.stepIndex)).toEqual([3]);
    expect(await expireApprovals(deps)).toEqual([]);
    expect(await actions(storage)).toEqual([
      'runbook.proposed',
      'approval.requested',
      'approval.requested',
      'approval.granted',
      'approval.expired',
      'approval.refused',
      'approval.expired',
    ]);
    const again = await requestApproval(deps, { runId: run.id, requestedBy: 'slack:U0ALICE' });
    expect(again.ok && again.value.requested.map((r) => r.stepIndex)).toEqual([1, 3]);
    // Earlier decisions do not carry over to the new request.
    expect(
      await decideApproval(deps, { runId: run.id, step: 1, user: 'U0SRE2', decision: 'approve', groupsOf: noGroups }),
    ).toMatchObject({
      state: 'pending',
    });
  });

  it('one rejection cancels the run; nothing runs', async () => {
    const db = await env.fresh();
    const storage = await db.open();
    const deps = runbookDeps(storage, { catalog: catalogOf([UNDO_RUNBOOK]), path: env.kubectl.path });
    const { run } = await proposed(deps);
    await decideApproval(deps, { runId: run.id, step: 1, user: 'U0SRE1', decision: 'approve', groupsOf: noGroups });
    const no = await decideApproval(deps, {
      runId: run.id,
      step: 1,
      user: 'U0SRE2',
      decision: 'reject',
      groupsOf: noGroups,
    });
    expect(no).toMatchObject({ outcome: 'recorded', state: 'denied' });
    expect(no.outcome === 'recorded' && no.run.status).toBe('cancelled');
    expect(no.outcome === 'recorded' && no.run.steps.map((s) => s.status)).toEqual([
      'cancelled',
      'denied',
      'cancelled',
      'cancelled',
    ]);
    expect(
      await decideApproval(deps, { runId: run.id, step: 1, user: 'U0SRE3', decision: 'approve', groupsOf: noGroups }),
    ).toMatchObject({
      outcome: 'refused',
      reason: 'not-pending',
    });
    const adv = await advanceRun(deps, { runId: run.id, actor: 'system' });
    expect(adv).toMatchObject({ state: 'finished', executed: [] });
    expect(env.kubectl.calls()).toEqual([]);
    expect((await actions(storage)).slice(-3)).toEqual(['approval.denied', 'run.cancelled', 'approval.refused']);
  });

  it('a step that changed after approval is refused at execution (re-rendered hash differs), audited, and the run cancelled', async () => {
    const db = await env.fresh();
    const storage = await db.open();
    const deps = runbookDeps(storage, { catalog: catalogOf([UNDO_RUNBOOK]), path: env.kubectl.path });
    const { run } = await proposed(deps);
    for (const user of ['U0SRE1', 'U0SRE2'])
      await decideApproval(deps, { runId: run.id, step: 1, user, decision: 'approve', groupsOf: noGroups });
    // Someone edits the runbook file (undo to a fixed revision) and Causeway reloads it.
    const edited = {
      ...deps,
      catalog: catalogOf([
        UNDO_RUNBOOK.replace('      verb: rollout undo\n', '      verb: rollout undo\n      toRevision: 3\n'),
      ]),
    };
    const r = await executeApprovedStep(edited, { runId: run.id, step: 1, actor: 'slack:U0SRE2' });
    expect(r).toMatchObject({ outcome: 'refused', reason: 'step-changed', code: 'APPROVAL_STALE' });
    expect(env.kubectl.calls()).toEqual([]);
    expect((await storage.runs.get(run.id))?.status).toBe('cancelled');
    const trail = await storage.audit.query({ incidentId: 'INC-7' });
    expect(trail.slice(-2).map((x) => [x.action, x.data.reason])).toEqual([
      ['step.refused', 'step-changed'],
      ['run.cancelled', 'step 1 changed since it was approved'],
    ]);
    // A decision on a changed step is refused too.
    const other = await proposed(deps);
    expect(
      await decideApproval(edited, {
        runId: other.run.id,
        step: 1,
        user: 'U0SRE1',
        decision: 'approve',
        groupsOf: noGroups,
      }),
    ).toMatchObject({ outcome: 'refused', reason: 'step-changed' });
  });

  it('a failed verification runs the approved rollback and fails the run', async () => {
    const db = await env.fresh();
    const storage = await db.open();
    const deps = runbookDeps(storage, {
      catalog: catalogOf([UNDO_RUNBOOK]),
      path: env.kubectl.path,
      probe: scriptedProbe([0.3]),
    });
    const { run } = await proposed(deps);
    for (const [step, user] of [
      [1, 'U0SRE1'],
      [1, 'U0SRE2'],
      [3, 'U0SRE3'],
    ] as const)
      await decideApproval(deps, { runId: run.id, step, user, decision: 'approve', groupsOf: noGroups });
    const adv = await advanceRun(deps, { runId: run.id, actor: 'system' });
    expect(adv.run?.status).toBe('failed');
    expect(adv.executed.map((r) => `${r.step.id}:${r.status}`)).toEqual([
      'status:succeeded',
      'undo:succeeded',
      'healthy:failed',
      'restart:succeeded',
    ]);
    expect(adv.executed[2]?.summary).toMatch(/did not get below 0.05 \(last 0.3\) within 1s/);
    expect(env.kubectl.calls().map((c) => c.slice(0, 2).join(' '))).toEqual([
      'rollout status',
      'rollout undo',
      'rollout restart',
    ]);
  });

  it('a rollback that is not approved makes the run wait for it', async () => {
    const db = await env.fresh();
    const storage = await db.open();
    const deps = runbookDeps(storage, {
      catalog: catalogOf([UNDO_RUNBOOK]),
      path: env.kubectl.path,
      probe: scriptedProbe([0.3]),
    });
    const { run } = await proposed(deps);
    for (const user of ['U0SRE1', 'U0SRE2'])
      await decideApproval(deps, { runId: run.id, step: 1, user, decision: 'approve', groupsOf: noGroups });
    const adv = await advanceRun(deps, { runId: run.id, actor: 'system' });
    expect(adv).toMatchObject({ state: 'needs-approval', waitingFor: { id: 'restart' } });
    await decideApproval(deps, { runId: run.id, step: 3, user: 'U0OPS1', decision: 'approve', groupsOf: noGroups });
    await decideApproval(deps, { runId: run.id, step: 3, user: 'U0SRE3', decision: 'approve', groupsOf: noGroups });
    const next = await advanceRun(deps, { runId: run.id, actor: 'system' });
    expect(next.executed.map((r) => r.step.id)).toEqual(['restart']);
    expect(next.run?.status).toBe('failed');
  });
});
