import { describe, expect, it } from 'vitest';
import { planHash } from '../../src/core/autonomy/plan-hash.ts';
import { scoreShadowRecord } from '../../src/core/autonomy/score-shadow-record.ts';
import type { ShadowRecord } from '../../src/core/autonomy/shadow-record.ts';
import type { Feedback } from '../../src/core/storage/feedback-store.ts';
import type { Run, RunStatus, StepStatus } from '../../src/core/storage/run-store.ts';

const HASHES = ['sha256:a1', 'sha256:a2'];
const record: ShadowRecord = {
  id: 's1',
  incidentId: 'INC-1',
  runbookId: 'restart',
  hypothesisId: 'h1',
  service: 'checkout',
  kind: 'latency',
  probability: 0.9,
  planHash: planHash(HASHES),
  steps: HASHES.map((hash, index) => ({ index, id: `s${index}`, hash })),
  recordedAt: 1,
  outcome: 'pending',
  scoredAt: undefined,
  reason: undefined,
};
const run = (status: RunStatus, o: { hashes?: string[]; step?: StepStatus; runbook?: string } = {}): Run => ({
  id: 'r1',
  incidentId: 'INC-1',
  runbook: o.runbook ?? 'restart',
  proposedBy: 'slack:U0OPS1',
  createdAt: 1,
  updatedAt: 2,
  status,
  plan: undefined,
  steps: (o.hashes ?? HASHES).map((renderedHash, index) => ({
    index,
    name: `step ${index}`,
    risk: 'low',
    renderedHash,
    status: o.step ?? 'succeeded',
    exitCode: undefined,
    outputHash: undefined,
    startedAt: undefined,
    finishedAt: undefined,
  })),
});
const thumbs = (verdict: Feedback['verdict'], hypothesisId: string | undefined = 'h1'): Feedback => ({
  incidentId: 'INC-1',
  hypothesisId,
  user: 'slack:U0OPS2',
  verdict,
  note: undefined,
  at: 3,
});

describe('scoring a shadow record against what people did', () => {
  it('agreed: the same plan ran and succeeded (a 👍 changes nothing)', () => {
    expect(scoreShadowRecord(record, [run('succeeded')], [thumbs('confirmed')], false)).toEqual({
      outcome: 'agreed',
      reason: 'the same plan ran and succeeded (run r1)',
    });
  });

  it('disagreed: a 👎 on its hypothesis or the whole triage, a rejected step, another plan, a failure', () => {
    const out = (runs: Run[], fb: Feedback[] = []) => scoreShadowRecord(record, runs, fb, false).outcome;
    expect(out([run('succeeded')], [thumbs('rejected')])).toBe('disagreed');
    expect(out([run('succeeded')], [thumbs('rejected', undefined)])).toBe('disagreed');
    expect(out([run('succeeded')], [thumbs('rejected', 'h2')])).toBe('agreed');
    expect(out([run('cancelled', { step: 'denied' })])).toBe('disagreed');
    expect(out([run('succeeded', { hashes: ['sha256:zz', 'sha256:a2'] })])).toBe('disagreed');
    expect(out([run('failed', { step: 'failed' })])).toBe('disagreed');
  });

  it('pending while nothing happened (another runbook does not count), no outcome once resolved', () => {
    expect(scoreShadowRecord(record, [run('succeeded', { runbook: 'other' })], [], false).outcome).toBe('pending');
    expect(scoreShadowRecord(record, [run('proposed', { step: 'pending' })], [], false).outcome).toBe('pending');
    expect(scoreShadowRecord(record, [], [], true)).toEqual({
      outcome: 'no-outcome',
      reason: 'resolved without a run of it',
    });
  });
});
