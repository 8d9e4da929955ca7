import { afterEach, describe, expect, it } from 'vitest';
import { planHash } from '../../src/core/autonomy/plan-hash.ts';
import { BACKENDS, type TestDatabase } from './support/backends.ts';

const T0 = Date.UTC(2026, 6, 13, 18, 0, 0);
const steps = [
  { index: 0, id: 'restart', hash: 'sha256:01' },
  { index: 1, id: 'rolled', hash: 'sha256:02' },
];
const shadow = (incidentId: string, at: number) => ({
  id: `s-${incidentId}`,
  incidentId,
  runbookId: 'restart',
  hypothesisId: 'h1',
  service: 'checkout',
  kind: 'resource_exhaustion',
  probability: 0.875,
  planHash: planHash(steps.map((s) => s.hash)),
  steps,
  recordedAt: at,
});

describe.each(BACKENDS)('autonomy store contract: $name', (backend) => {
  let db: TestDatabase;
  afterEach(async () => db?.cleanup());

  it('keeps one shadow record per incident and runbook, scores it, lists it by runbook', async () => {
    db = await backend.fresh();
    const { autonomy } = await db.open();
    const first = await autonomy.recordShadow(shadow('INC-1', T0));
    expect(first).toEqual({
      created: true,
      record: { ...shadow('INC-1', T0), outcome: 'pending', scoredAt: undefined, reason: undefined },
    });
    const again = await autonomy.recordShadow({ ...shadow('INC-1', T0 + 5), planHash: 'sha256:other' });
    expect(again.created).toBe(false);
    expect(again.record.planHash).toBe(first.record.planHash);
    await autonomy.recordShadow(shadow('INC-2', T0 + 10));
    expect(await autonomy.score('s-INC-1', 'agreed', 'the same plan ran', T0 + 20)).toBe(true);
    expect(await autonomy.score('s-INC-1', 'agreed', 'the same plan ran', T0 + 21)).toBe(false);
    expect(await autonomy.shadow('INC-1', 'restart')).toMatchObject({ outcome: 'agreed', scoredAt: T0 + 20 });
    expect((await autonomy.shadows('restart')).map((s) => s.incidentId)).toEqual(['INC-1', 'INC-2']);
    expect(await autonomy.shadows('other')).toEqual([]);
    expect((await autonomy.shadowsOf('INC-2')).map((s) => s.outcome)).toEqual(['pending']);
  });

  it('pauses per scope (a second pause replaces), resumes one or all, records each demotion once', async () => {
    db = await backend.fresh();
    const { autonomy } = await db.open();
    await autonomy.pause({ scope: 'checkout', by: 'slack:U0SRE1', reason: 'deploy', at: T0 });
    await autonomy.pause({ scope: 'all', by: 'slack:U0SRE1', reason: 'game day', at: T0 + 1 });
    await autonomy.pause({ scope: 'checkout', by: 'slack:U0SRE2', reason: 'still', at: T0 + 2 });
    expect(await autonomy.pauses()).toEqual([
      { scope: 'all', by: 'slack:U0SRE1', reason: 'game day', at: T0 + 1 },
      { scope: 'checkout', by: 'slack:U0SRE2', reason: 'still', at: T0 + 2 },
    ]);
    expect(await autonomy.resume('all')).toEqual(['all']);
    expect(await autonomy.resume()).toEqual(['checkout']);
    expect(await autonomy.pauses()).toEqual([]);
    const d = { runbookId: 'restart', incidentId: 'INC-1', cause: 'thumbs-down', by: 'slack:U0OPS1', at: T0 } as const;
    expect(await autonomy.demote(d)).toBe(true);
    expect(await autonomy.demote({ ...d, at: T0 + 5 })).toBe(false);
    expect(await autonomy.demotions('restart')).toEqual([d]);
  });

  it('a countdown is announced once, claimed once only when due, and a stop wins over a later claim', async () => {
    db = await backend.fresh();
    const a = (await db.open()).autonomy;
    const b = (await db.open()).autonomy;
    const c = {
      runId: 'r1',
      incidentId: 'INC-1',
      runbook: 'restart',
      service: 'checkout',
      step: 0,
      announcedAt: T0,
      dueAt: T0 + 60_000,
    };
    expect(await a.announce(c)).toBe(true);
    expect(await b.announce(c)).toBe(false);
    expect(await a.moveCountdown('r1', 'counting', 'running', T0 + 59_999, 'system')).toBeUndefined();
    const claims = await Promise.all(
      [a, b, a, b].map((s) => s.moveCountdown('r1', 'counting', 'running', T0 + 60_000, 'system')),
    );
    expect(claims.filter((x) => x !== undefined)).toHaveLength(1);
    expect(await a.moveCountdown('r1', 'counting', 'stopped', T0 + 60_001, 'slack:U0OPS1')).toBeUndefined();
    expect(await a.autonomousRuns('checkout', T0 - 1)).toEqual([{ service: 'checkout', at: T0 }]);

    await a.announce({ ...c, runId: 'r2', announcedAt: T0 + 10 });
    expect(await b.moveCountdown('r2', 'counting', 'stopped', T0 + 20, 'slack:U0OPS1')).toMatchObject({
      state: 'stopped',
      settledBy: 'slack:U0OPS1',
    });
    expect(await a.moveCountdown('r2', 'counting', 'running', T0 + 70_000, 'system')).toBeUndefined();
    expect((await a.autonomousRuns('checkout', T0 - 1)).length).toBe(1);
    expect((await a.counting()).map((x) => x.runId)).toEqual([]);
    expect((await a.countdownsOf('INC-1')).map((x) => x.state)).toEqual(['running', 'stopped']);
  });
});
