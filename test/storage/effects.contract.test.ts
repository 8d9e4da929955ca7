import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { recoverUnfinished } from '../../src/app/storage/recover-unfinished.ts';
import { contentHash } from '../../src/core/audit/content-hash.ts';
import { BACKENDS, type TestDatabase } from './support/backends.ts';

const step = (id: string) =>
  ({
    id,
    kind: 'runbook-step',
    subject: id,
    actor: 'slack:U1',
    incidentId: 'INC-1',
    intent: { command: 'kubectl rollout restart deploy/checkout', stepHash: 'sha256:bb' },
  }) as const;

describe.each(BACKENDS)('effect journal contract: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('writes "started" (row + step.started record) before the effect, "finished" after', async () => {
    db = await backend.fresh();
    const s = await db.open({ instanceId: 'replica-a', audit: { inlinePayloadBytes: 256 } });
    const begun = await s.effects.begin(step('run:r1/step:1'));
    if (!begun.started) throw new Error('not started');
    expect(begun.effect).toMatchObject({ state: 'started', owner: 'replica-a', startedSeq: 1, incidentId: 'INC-1' });
    expect(begun.record).toMatchObject({
      seq: 1,
      actor: 'slack:U1',
      action: 'step.started',
      subject: 'run:r1/step:1',
      data: { effectId: 'run:r1/step:1', kind: 'runbook-step', incidentId: 'INC-1', intent: step('x').intent },
    });
    expect(await s.effects.unfinished()).toEqual([begun.effect]);
    const output = 'deployment.apps/checkout restarted\n'.repeat(20);
    const done = await s.effects.finish('run:r1/step:1', { status: 'succeeded', exitCode: 0, output });
    expect(done?.effect).toMatchObject({ state: 'succeeded', finishedSeq: 2 });
    expect(done?.record.data).toEqual({
      effectId: 'run:r1/step:1',
      kind: 'runbook-step',
      incidentId: 'INC-1',
      status: 'succeeded',
      exitCode: 0,
      output: { $payload: contentHash(output), bytes: output.length },
    });
    expect(await s.effects.unfinished()).toEqual([]);
    expect(await s.effects.finish('run:r1/step:1', { status: 'failed' })).toBeUndefined();
    expect(await s.effects.finish('nope', { status: 'failed' })).toBeUndefined();
    expect((await verifyAudit(s)).ok).toBe(true);
  });

  it('starts an effect at most once, even when two replicas begin it together', async () => {
    db = await backend.fresh();
    const [a, b] = await Promise.all([db.open({ instanceId: 'a' }), db.open({ instanceId: 'b' })]);
    if (!a || !b) throw new Error('open failed');
    const results = await Promise.all([
      a.effects.begin(step('run:r1/step:1')),
      b.effects.begin(step('run:r1/step:1')),
      a.effects.begin(step('run:r1/step:1')),
    ]);
    expect(results.filter((r) => r.started)).toHaveLength(1);
    expect((await a.audit.query({})).filter((r) => r.action === 'step.started')).toHaveLength(1);
    for (const r of results) expect(r.effect.id).toBe('run:r1/step:1');
  });

  it('after a restart, closes its own unfinished effects as "outcome unknown" and never re-runs them', async () => {
    db = await backend.fresh();
    const clock = (() => {
      let t = Date.UTC(2025, 0, 1);
      return () => (t += 1000);
    })();
    const before = await db.open({ instanceId: 'replica-a', clock });
    await before.effects.begin(step('mine-finished'));
    await before.effects.finish('mine-finished', { status: 'failed', exitCode: 1 });
    await before.effects.begin(step('mine-unfinished'));
    const other = await db.open({ instanceId: 'replica-b', clock });
    await other.effects.begin(step('theirs-running'));
    await before.close(); // "killed"

    const after = await db.open({ instanceId: 'replica-a', clock });
    const closed = await recoverUnfinished(after, { owner: 'replica-a' });
    expect(closed.map((e) => [e.id, e.state])).toEqual([['mine-unfinished', 'outcome-unknown']]);
    expect(await after.effects.unfinished()).toEqual([expect.objectContaining({ id: 'theirs-running' })]);
    const last = (await after.audit.query({})).at(-1);
    expect(last).toMatchObject({
      actor: 'system',
      action: 'step.outcome-unknown',
      subject: 'mine-unfinished',
      data: { effectId: 'mine-unfinished', startedSeq: 3, incidentId: 'INC-1' },
    });
    // A second recovery finds nothing; a stale effect of another replica is closed by age.
    expect(await recoverUnfinished(after, { owner: 'replica-a' })).toEqual([]);
    const stale = await recoverUnfinished(after, { owner: 'replica-a', staleBefore: Date.UTC(2025, 0, 2) });
    expect(stale.map((e) => e.id)).toEqual(['theirs-running']);
    // Its owner was still running it after all: the late finish is recorded truthfully.
    const late = await other.effects.finish('theirs-running', { status: 'succeeded', exitCode: 0 });
    expect(late?.record.data).toMatchObject({ status: 'succeeded', afterOutcomeUnknown: true });
    expect((await verifyAudit(after)).ok).toBe(true);
  });
});
