import { afterEach, describe, expect, it } from 'vitest';
import type { RunStore } from '../../src/core/storage/run-store.ts';
import { BACKENDS, type TestDatabase } from '../storage/support/backends.ts';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

async function proposed(runs: RunStore, id = 'run-1') {
  return runs.create({
    id,
    incidentId: 'INC-1',
    runbook: 'restart-service',
    proposedBy: 'slack:U1',
    at: T0,
    steps: [
      { name: 'status', risk: 'low', renderedHash: 'sha256:aa' },
      { name: 'restart', risk: 'high', renderedHash: 'sha256:bb' },
    ],
    plan: {
      runbookId: 'restart-service',
      params: { service: 'checkout', replicas: 3 },
      steps: [{ hash: 'sha256:aa' }],
    },
  });
}

// Additions to the run store for the runbook engine (migration 2): the plan kept with the run,
// conditional step and run transitions, pending approvals by expiry.
describe.each(BACKENDS)('run store additions (runbooks): $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('keeps the plan with the run, byte for byte as canonical JSON; runs without one read undefined', async () => {
    db = await backend.fresh();
    const { runs } = await db.open();
    const run = await proposed(runs);
    expect(run.plan).toEqual({
      runbookId: 'restart-service',
      params: { service: 'checkout', replicas: 3 },
      steps: [{ hash: 'sha256:aa' }],
    });
    expect((await runs.get('run-1'))?.plan).toEqual(run.plan);
    const raw = await db.raw();
    expect(await raw.get("SELECT plan FROM runs WHERE id = 'run-1'")).toEqual({
      plan: '{"params":{"replicas":3,"service":"checkout"},"runbookId":"restart-service","steps":[{"hash":"sha256:aa"}]}',
    });
    const bare = await runs.create({
      id: 'run-2',
      incidentId: 'INC-1',
      runbook: 'x',
      proposedBy: 'system',
      at: T0,
      steps: [],
    });
    expect(bare.plan).toBeUndefined();
  });

  it('moves a step only from the given statuses: of 30 concurrent callers exactly one wins', async () => {
    db = await backend.fresh();
    const { runs } = await db.open({ poolSize: 8 });
    await proposed(runs);
    await runs.updateStep('run-1', 1, { status: 'approved', at: T0 + 1 });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        runs.transitionStep('run-1', 1, ['approved'], { status: 'running', at: T0 + 10 + i, startedAt: T0 + 10 + i }),
      ),
    );
    const winners = results.filter((r) => r !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.steps[1]).toMatchObject({ status: 'running' });
    expect(await runs.transitionStep('run-1', 1, ['approved'], { status: 'running', at: T0 + 99 })).toBeUndefined();
    expect(await runs.transitionStep('run-1', 9, ['approved'], { status: 'running', at: T0 + 99 })).toBeUndefined();
    expect(await runs.transitionStep('run-1', 1, [], { status: 'failed', at: T0 + 99 })).toBeUndefined();
    const done = await runs.transitionStep('run-1', 1, ['running'], {
      status: 'succeeded',
      at: T0 + 100,
      exitCode: 0,
      finishedAt: T0 + 100,
      outputHash: 'sha256:cc',
    });
    expect(done?.steps[1]).toMatchObject({
      status: 'succeeded',
      exitCode: 0,
      outputHash: 'sha256:cc',
      finishedAt: T0 + 100,
    });
    expect(done?.updatedAt).toBe(T0 + 100);
    const cancelled = await runs.transitionStep('run-1', 0, ['pending', 'awaiting-approval'], {
      status: 'cancelled',
      at: T0 + 101,
    });
    expect(cancelled?.steps[0]?.status).toBe('cancelled');
  });

  it('moves a run only from the given statuses', async () => {
    db = await backend.fresh();
    const { runs } = await db.open({ poolSize: 8 });
    await proposed(runs);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => runs.transitionRun('run-1', ['proposed'], 'running', T0 + i)),
    );
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    expect(await runs.transitionRun('run-1', ['proposed'], 'cancelled', T0 + 50)).toBeUndefined();
    expect((await runs.transitionRun('run-1', ['running'], 'succeeded', T0 + 51))?.status).toBe('succeeded');
    expect(await runs.transitionRun('nope', ['proposed'], 'running', T0)).toBeUndefined();
  });

  it('lists pending approval requests, optionally those expired by a time', async () => {
    db = await backend.fresh();
    const { runs } = await db.open();
    await proposed(runs, 'run-1');
    await proposed(runs, 'run-2');
    const ask = (runId: string, stepIndex: number, expiresAt: number) =>
      runs.requestApproval({
        runId,
        stepIndex,
        stepHash: stepIndex ? 'sha256:bb' : 'sha256:aa',
        requestedBy: 'slack:U1',
        required: 1,
        requestedAt: T0,
        expiresAt,
      });
    await ask('run-1', 1, T0 + 3000);
    await ask('run-2', 0, T0 + 1000);
    await ask('run-2', 1, T0 + 2000);
    expect((await runs.pendingApprovals()).map((r) => [r.runId, r.stepIndex])).toEqual([
      ['run-2', 0],
      ['run-2', 1],
      ['run-1', 1],
    ]);
    expect((await runs.pendingApprovals(T0 + 2000)).map((r) => [r.runId, r.stepIndex])).toEqual([
      ['run-2', 0],
      ['run-2', 1],
    ]);
    await runs.settleApproval('run-2', 0, 'expired', T0 + 1001);
    expect((await runs.pendingApprovals(T0 + 2000)).map((r) => [r.runId, r.stepIndex])).toEqual([['run-2', 1]]);
  });
});
