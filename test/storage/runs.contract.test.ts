import { afterEach, describe, expect, it } from 'vitest';
import type { RunStore } from '../../src/core/storage/run-store.ts';
import { BACKENDS, type TestDatabase } from './support/backends.ts';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

async function proposed(runs: RunStore) {
  return runs.create({
    id: 'run-1',
    incidentId: 'INC-1',
    runbook: 'restart-deployment',
    proposedBy: 'slack:U1',
    at: T0,
    steps: [
      { name: 'show pods', risk: 'low', renderedHash: 'sha256:aa' },
      { name: 'rollout restart checkout', risk: 'high', renderedHash: 'sha256:bb' },
    ],
  });
}

describe.each(BACKENDS)('run store contract: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('creates a run with pending steps and records step progress', async () => {
    db = await backend.fresh();
    const { runs } = await db.open();
    const run = await proposed(runs);
    expect(run).toMatchObject({ id: 'run-1', status: 'proposed', createdAt: T0, updatedAt: T0 });
    expect(run.steps.map((s) => [s.index, s.status, s.risk])).toEqual([
      [0, 'pending', 'low'],
      [1, 'pending', 'high'],
    ]);
    await runs.setStatus('run-1', 'running', T0 + 1);
    await runs.updateStep('run-1', 0, { status: 'running', at: T0 + 2, startedAt: T0 + 2 });
    const after = await runs.updateStep('run-1', 0, {
      status: 'succeeded',
      at: T0 + 3,
      exitCode: 0,
      outputHash: 'sha256:cc',
      finishedAt: T0 + 3,
    });
    expect(after?.status).toBe('running');
    expect(after?.updatedAt).toBe(T0 + 3);
    expect(after?.steps[0]).toEqual({
      index: 0,
      name: 'show pods',
      risk: 'low',
      renderedHash: 'sha256:aa',
      status: 'succeeded',
      exitCode: 0,
      outputHash: 'sha256:cc',
      startedAt: T0 + 2,
      finishedAt: T0 + 3,
    });
    expect(await runs.updateStep('run-1', 7, { status: 'running', at: T0 })).toBeUndefined();
    expect(await runs.setStatus('nope', 'failed', T0)).toBeUndefined();
    expect((await runs.list('INC-1')).map((r) => r.id)).toEqual(['run-1']);
    expect(await runs.get('run-1')).toEqual(after);
  });

  it('records approvals once per approver, only for the requested step hash, only while pending', async () => {
    db = await backend.fresh();
    const { runs } = await db.open();
    await proposed(runs);
    const d = { runId: 'run-1', stepIndex: 1, stepHash: 'sha256:bb', decision: 'granted', at: T0 + 10 } as const;
    expect(await runs.decide({ ...d, approver: 'slack:U2' })).toEqual({ recorded: false, reason: 'no-request' });
    const req = await runs.requestApproval({
      runId: 'run-1',
      stepIndex: 1,
      stepHash: 'sha256:bb',
      requestedBy: 'slack:U1',
      required: 2,
      requestedAt: T0 + 5,
      expiresAt: T0 + 900_000,
    });
    expect(req.state).toBe('pending');
    expect(await runs.decide({ ...d, approver: 'slack:U2' })).toEqual({ recorded: true });
    expect(await runs.decide({ ...d, approver: 'slack:U2', decision: 'denied' })).toEqual({
      recorded: false,
      reason: 'already-decided',
    });
    expect(await runs.decide({ ...d, approver: 'slack:U3', stepHash: 'sha256:changed' })).toEqual({
      recorded: false,
      reason: 'hash-mismatch',
    });
    expect(await runs.decide({ ...d, approver: 'slack:U3', at: T0 + 11 })).toEqual({ recorded: true });
    expect((await runs.decisions('run-1', 1)).map((x) => x.approver)).toEqual(['slack:U2', 'slack:U3']);
    expect(await runs.settleApproval('run-1', 1, 'granted', T0 + 12)).toBe(true);
    expect(await runs.settleApproval('run-1', 1, 'expired', T0 + 13)).toBe(false);
    expect((await runs.approval('run-1', 1))?.state).toBe('granted');
    expect(await runs.decide({ ...d, approver: 'slack:U4' })).toEqual({ recorded: false, reason: 'not-pending' });
    // Asking again (e.g. after expiry) starts from no decisions.
    await runs.requestApproval({ ...req, requestedAt: T0 + 20, expiresAt: T0 + 999_999 });
    expect(await runs.decisions('run-1', 1)).toEqual([]);
    expect((await runs.approval('run-1', 1))?.state).toBe('pending');
  });

  it('two replicas deciding at once both count, each once', async () => {
    db = await backend.fresh();
    const [a, b] = await Promise.all([db.open(), db.open()]);
    if (!a || !b) throw new Error('open failed');
    await proposed(a.runs);
    await a.runs.requestApproval({
      runId: 'run-1',
      stepIndex: 1,
      stepHash: 'sha256:bb',
      requestedBy: 'slack:U1',
      required: 2,
      requestedAt: T0,
      expiresAt: T0 + 1e6,
    });
    const d = { runId: 'run-1', stepIndex: 1, stepHash: 'sha256:bb', decision: 'granted', at: T0 } as const;
    const results = await Promise.all([
      a.runs.decide({ ...d, approver: 'slack:U2' }),
      b.runs.decide({ ...d, approver: 'slack:U2' }),
      b.runs.decide({ ...d, approver: 'slack:U3' }),
    ]);
    expect(results.filter((r) => r.recorded)).toHaveLength(2);
    expect(await a.runs.decisions('run-1', 1)).toHaveLength(2);
  });
});
