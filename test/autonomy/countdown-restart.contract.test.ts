import { describe, expect, it } from 'vitest';
import { decideAutonomousRun } from '../../src/app/autonomy/decide-autonomous-run.ts';
import { recordShadowPlans } from '../../src/app/autonomy/record-shadow-plans.ts';
import { runDueCountdown } from '../../src/app/autonomy/run-due-countdown.ts';
import { planHash } from '../../src/core/autonomy/plan-hash.ts';
import { catalogOf, runbookTestEnv, T0, testClock } from '../runbooks/support/runbook-harness.ts';
import { BACKENDS } from '../storage/support/backends.ts';
import { AUTO_RUNBOOK, autonomyDeps, reportFor, settableProbe } from './support/autonomy-harness.ts';

describe.each(BACKENDS)('a restart during the stop window: $name', (backend) => {
  const env = runbookTestEnv(backend);

  it('does not skip the window: after a restart the countdown runs only when due, and once', async () => {
    const db = await env.fresh();
    const clock = testClock(T0);
    const catalog = catalogOf([AUTO_RUNBOOK]);
    const probe = settableProbe(0.01);
    const before = await db.open({ instanceId: 'before', clock: clock.now });
    const a = autonomyDeps(before, { catalog, path: env.kubectl.path, probe, clock, settings: { minIncidents: 1 } });
    // One agreed shadow incident earns it here (minIncidents 1), with the plan it will run.
    const r1 = reportFor(1, { at: clock.now() });
    const [earned] = await recordShadowPlans(a, { incidentId: 'INC-1', report: r1 });
    if (!earned) throw new Error('no shadow record');
    await a.autonomy.score(earned.id, 'agreed', 'test', clock.now());
    expect(earned.planHash).toBe(planHash(earned.steps.map((s) => s.hash)));

    const r2 = reportFor(2, { at: clock.now() });
    await recordShadowPlans(a, { incidentId: 'INC-2', report: r2 });
    const d = await decideAutonomousRun(a, { incidentId: 'INC-2', report: r2 });
    if (d.outcome !== 'countdown') throw new Error(`expected a countdown, got ${d.outcome}`);
    clock.advance(30_000);
    await before.close();

    // The process restarts half-way through the window.
    const after = await db.open({ instanceId: 'after', clock: clock.now });
    const b = autonomyDeps(after, { catalog, path: env.kubectl.path, probe, clock, settings: { minIncidents: 1 } });
    expect((await b.autonomy.counting()).map((c) => c.runId)).toEqual([d.run.id]);
    expect(await runDueCountdown(b, { runId: d.run.id })).toEqual({ outcome: 'not-due' });
    expect(env.kubectl.calls()).toEqual([]);
    clock.advance(30_000);
    expect(await runDueCountdown(b, { runId: d.run.id })).toMatchObject({ outcome: 'ran', resolved: true });
    expect(await runDueCountdown(b, { runId: d.run.id })).toEqual({ outcome: 'gone' });
    expect(env.kubectl.calls().filter((c) => c.includes('restart'))).toHaveLength(1);
  });
});
