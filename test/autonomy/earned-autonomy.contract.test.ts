import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPagerDutyPager } from '../../src/adapters/pagerduty/create-pagerduty-pager.ts';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import type { AutonomyDeps } from '../../src/app/autonomy/autonomy-deps.ts';
import { decideAutonomousRun } from '../../src/app/autonomy/decide-autonomous-run.ts';
import { pauseAutonomy } from '../../src/app/autonomy/pause-autonomy.ts';
import { recordFeedbackTrust } from '../../src/app/autonomy/record-feedback-trust.ts';
import { recordShadowPlans } from '../../src/app/autonomy/record-shadow-plans.ts';
import { reportAutonomy } from '../../src/app/autonomy/report-autonomy.ts';
import { resumeAutonomy } from '../../src/app/autonomy/resume-autonomy.ts';
import { runDueCountdown } from '../../src/app/autonomy/run-due-countdown.ts';
import { scoreShadowRecords } from '../../src/app/autonomy/score-shadow-records.ts';
import { stopCountdown } from '../../src/app/autonomy/stop-countdown.ts';
import { undoAutonomousRun } from '../../src/app/autonomy/undo-autonomous-run.ts';
import { advanceRun } from '../../src/app/runbooks/advance-run.ts';
import { decideApproval } from '../../src/app/runbooks/decide-approval.ts';
import { proposeRun } from '../../src/app/runbooks/propose-run.ts';
import { requestApproval } from '../../src/app/runbooks/request-approval.ts';
import { formatAuditTimeline } from '../../src/core/audit/format-audit-timeline.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { catalogOf, runbookTestEnv, T0, testClock } from '../runbooks/support/runbook-harness.ts';
import { BACKENDS } from '../storage/support/backends.ts';
import { startFakePagerDuty } from '../support/fake-pagerduty.ts';
import { AUTO_RUNBOOK, autonomyDeps, reportFor, settableProbe } from './support/autonomy-harness.ts';

const HOUR = 3_600_000;
const KEY = '0123456789abcdef0123456789abcdef';
const noGroups = async () => [];

/** One incident handled by people: shadow record, proposed, approved by oncall, run, scored. */
async function supervisedIncident(d: AutonomyDeps, n: number): Promise<void> {
  const incidentId = `INC-${n}`;
  const report = reportFor(n, { at: d.now() });
  await recordShadowPlans(d, { incidentId, report });
  const p = await proposeRun(d, { runbookId: 'restart-auto', incidentId, report, proposedBy: 'slack:U0OPS1' });
  if (!p.ok) throw new Error(p.error.message);
  await requestApproval(d, { runId: p.value.run.id, requestedBy: 'slack:U0OPS1' });
  const ok = await decideApproval(d, {
    runId: p.value.run.id,
    step: 0,
    user: 'U0OPS2',
    decision: 'approve',
    groupsOf: noGroups,
  });
  expect(ok).toMatchObject({ outcome: 'recorded', state: 'granted' });
  const adv = await advanceRun(d, { runId: p.value.run.id, actor: 'slack:U0OPS2' });
  expect(adv.run?.status).toBe('succeeded');
  await scoreShadowRecords(d, { incidentId });
}

describe.each(BACKENDS)('earned autonomy end to end (use-cases, real storage): $name', (backend) => {
  const env = runbookTestEnv(backend);
  let pd: Awaited<ReturnType<typeof startFakePagerDuty>>;
  beforeEach(async () => {
    pd = await startFakePagerDuty();
  });
  afterEach(async () => pd.close());

  it('earns autonomy in shadow, then: runs once across two replicas, stops, rolls back + pages + demotes, pauses', async () => {
    const db = await env.fresh();
    const clock = testClock(T0);
    const replicas: Storage[] = [
      await db.open({ instanceId: 'replica-a', clock: clock.now }),
      await db.open({ instanceId: 'replica-b', clock: clock.now }),
    ];
    const catalog = catalogOf([AUTO_RUNBOOK]);
    const probe = settableProbe(0.01);
    const pager = createPagerDutyPager({ routingKey: KEY, url: pd.url, timeoutMs: 2000, maxAttempts: 3, backoffMs: 1 });
    const [a, b] = replicas.map((s) => autonomyDeps(s, { catalog, path: env.kubectl.path, probe, clock, pager })) as [
      AutonomyDeps,
      AutonomyDeps,
    ];
    const restarts = () => env.kubectl.calls().filter((c) => c.includes('restart')).length;

    // Shadow: ten incidents handled by people, each agreeing with what the runbook would have run.
    for (let n = 1; n <= 9; n++) {
      await supervisedIncident(a, n);
      clock.advance(HOUR);
    }
    let standing = (await reportAutonomy(a)).standings[0];
    expect(standing).toMatchObject({ eligible: false, track: { scored: 9, agreed: 9 } });
    expect(standing?.whyNot).toEqual(['9 of 10 scored shadow incidents']);
    await supervisedIncident(a, 10);
    clock.advance(HOUR);
    standing = (await reportAutonomy(a)).standings[0];
    expect(standing).toMatchObject({ eligible: true, whyNot: [], track: { scored: 10, agreed: 10, agreement: 1 } });
    expect(restarts()).toBe(10);

    // Not stopped: announced with its stop window, then run exactly once although both replicas try.
    const r11 = reportFor(11, { at: clock.now() });
    await recordShadowPlans(a, { incidentId: 'INC-11', report: r11 });
    const d11 = await decideAutonomousRun(a, { incidentId: 'INC-11', report: r11 });
    expect(d11.outcome).toBe('countdown');
    if (d11.outcome !== 'countdown') return;
    expect(d11.countdown).toMatchObject({ state: 'counting', dueAt: clock.now() + 60_000 });
    expect(await runDueCountdown(b, { runId: d11.run.id })).toEqual({ outcome: 'not-due' });
    clock.advance(60_000);
    const both = await Promise.all([
      runDueCountdown(a, { runId: d11.run.id }),
      runDueCountdown(b, { runId: d11.run.id }),
    ]);
    expect(both.map((o) => o.outcome).sort()).toEqual(['gone', 'ran']);
    const ran = both.find((o) => o.outcome === 'ran');
    expect(ran).toMatchObject({ resolved: true, paged: false, run: { status: 'succeeded' } });
    expect(restarts()).toBe(11);
    expect(pd.events).toEqual([]);

    // Stop pressed in the window (by an oncall member; a stranger may not): nothing runs.
    clock.advance(2 * HOUR);
    const r12 = reportFor(12, { at: clock.now() });
    await recordShadowPlans(a, { incidentId: 'INC-12', report: r12 });
    const d12 = await decideAutonomousRun(a, { incidentId: 'INC-12', report: r12 });
    if (d12.outcome !== 'countdown') throw new Error(`expected a countdown, got ${d12.outcome}`);
    const stranger = await stopCountdown(b, { runId: d12.run.id, user: 'U0NOBODY', userGroups: [] });
    expect(stranger.ok ? 'stopped' : stranger.error.code).toBe('APPROVAL_FORBIDDEN');
    const stop = await stopCountdown(b, { runId: d12.run.id, user: 'U0OPS1', userGroups: [] });
    expect(stop.ok && stop.value.state).toBe('stopped');
    clock.advance(60_000);
    expect(await runDueCountdown(a, { runId: d12.run.id })).toEqual({ outcome: 'gone' });
    expect(restarts()).toBe(11);
    expect((await a.runs.get(d12.run.id))?.status).toBe('cancelled');

    // Paused (by an approver; refused to others): supervised again — the gate says why.
    clock.advance(2 * HOUR);
    const refused = await pauseAutonomy(a, { user: 'U0NOBODY', userGroups: [], scope: 'all', reason: 'x' });
    expect(refused.ok ? 'paused' : refused.error.code).toBe('APPROVAL_FORBIDDEN');
    expect((await pauseAutonomy(a, { user: 'U0SRE1', userGroups: [], scope: 'checkout', reason: 'game day' })).ok).toBe(
      true,
    );
    const r13 = reportFor(13, { at: clock.now() });
    await recordShadowPlans(a, { incidentId: 'INC-13', report: r13 });
    const d13 = await decideAutonomousRun(a, { incidentId: 'INC-13', report: r13 });
    expect(d13.outcome).toBe('supervised');
    if (d13.outcome !== 'supervised') return;
    expect(d13.decision.gates.filter((g) => !g.passed).map((g) => [g.name, g.value])).toEqual([
      ['paused', 'paused (checkout) by slack:U0SRE1: game day'],
    ]);
    expect((await a.runs.get(d13.run.id))?.status).toBe('proposed');

    // A pause that comes during the stop window holds the run back too.
    expect((await resumeAutonomy(a, { user: 'U0SRE1', userGroups: [], scope: undefined })).ok).toBe(true);
    clock.advance(2 * HOUR);
    const r14 = reportFor(14, { at: clock.now() });
    await recordShadowPlans(a, { incidentId: 'INC-14', report: r14 });
    const d14 = await decideAutonomousRun(a, { incidentId: 'INC-14', report: r14 });
    if (d14.outcome !== 'countdown') throw new Error(`expected a countdown, got ${d14.outcome}`);
    await pauseAutonomy(b, { user: 'U0SRE2', userGroups: [], scope: 'all', reason: 'freeze call' });
    clock.advance(60_000);
    expect(await runDueCountdown(a, { runId: d14.run.id })).toMatchObject({ outcome: 'held' });
    expect(restarts()).toBe(11);
    await resumeAutonomy(b, { user: 'U0SRE2', userGroups: [], scope: 'all' });

    // A failing verify: the rollback runs, people are paged with a link to the thread, the runbook is demoted.
    clock.advance(2 * HOUR);
    probe.value = 0.5;
    const r15 = reportFor(15, { at: clock.now() });
    await recordShadowPlans(a, { incidentId: 'INC-15', report: r15 });
    const d15 = await decideAutonomousRun(a, { incidentId: 'INC-15', report: r15 });
    if (d15.outcome !== 'countdown') throw new Error(`expected a countdown, got ${d15.outcome}`);
    clock.advance(60_000);
    const failed = await runDueCountdown(b, { runId: d15.run.id, threadUrl: 'https://slack.example/archives/C1/p15' });
    expect(failed).toMatchObject({ outcome: 'ran', resolved: false, paged: true, run: { status: 'failed' } });
    expect(env.kubectl.calls().filter((c) => c.includes('undo'))).toHaveLength(1);
    expect(pd.events.map((e) => [e.event_action, e.dedup_key, e.links?.[0]?.href])).toEqual([
      ['trigger', 'causeway/INC-15', 'https://slack.example/archives/C1/p15'],
    ]);
    standing = (await reportAutonomy(a)).standings[0];
    expect(standing?.eligible).toBe(false);
    expect(standing?.whyNot[0]).toMatch(/0 of 10 scored shadow incidents since its demotion/);
    const r16 = reportFor(16, { at: clock.now() });
    await recordShadowPlans(a, { incidentId: 'INC-16', report: r16 });
    expect((await decideAutonomousRun(a, { incidentId: 'INC-16', report: r16 })).outcome).toBe('supervised');

    // A 👎 where a step ran autonomously demotes at once.
    await a.feedback.record({
      incidentId: 'INC-11',
      hypothesisId: 'h-11',
      user: 'slack:U0OPS2',
      verdict: 'rejected',
      note: undefined,
      at: clock.now(),
    });
    expect(await recordFeedbackTrust(a, { incidentId: 'INC-11', verdict: 'rejected', by: 'slack:U0OPS2' })).toEqual([
      'restart-auto',
    ]);
    expect((await a.autonomy.shadow('INC-11', 'restart-auto'))?.outcome).toBe('disagreed');

    // [Undo] on the run that resolved INC-11: its rollback runs once, by an approver; the runbook is demoted.
    const undoneBy = await undoAutonomousRun(b, { runId: d11.run.id, user: 'U0NOBODY', userGroups: [] });
    expect(undoneBy.ok ? 'undone' : undoneBy.error.code).toBe('APPROVAL_FORBIDDEN');
    const undone = await undoAutonomousRun(a, { runId: d11.run.id, user: 'U0OPS2', userGroups: [] });
    if (!undone.ok) throw new Error(undone.error.message);
    expect(undone.value.run.status).toBe('succeeded');
    expect(undone.value.executed.map((x) => `${x.step.id}:${x.status}`)).toEqual(['undo:succeeded']);
    expect(env.kubectl.calls().filter((c) => c.includes('undo'))).toHaveLength(2);
    const again = await undoAutonomousRun(b, { runId: d11.run.id, user: 'U0OPS2', userGroups: [] });
    expect(again.ok ? 'undone' : again.error.code).toBe('APPROVAL_STALE');
    expect((await a.autonomy.demotions('restart-auto')).map((d) => `${d.incidentId} ${d.cause}`).sort()).toEqual([
      'INC-11 thumbs-down',
      'INC-11 undo',
      'INC-15 verify-failed',
    ]);

    // The chain verifies, and each decision reads as one paragraph.
    expect((await verifyAudit(replicas[0] as Storage)).ok).toBe(true);
    const records = await a.audit.query({ incidentId: 'INC-13' });
    const text = formatAuditTimeline(records).join('\n');
    expect(text).toContain('Not allowed to run by itself (falls back to supervised): runbook restart-auto');
    expect(text).toContain('✗ pause paused (checkout) by slack:U0SRE1: game day (needs not paused)');
    expect(text).toContain('✓ scored shadow incidents 11 (needs 10)');
    expect(text).toMatch(/evidence e-13-1/);
    const allowed = formatAuditTimeline(await a.audit.query({ incidentId: 'INC-11' })).join('\n');
    expect(allowed).toMatch(
      /Allowed to run by itself: runbook restart-auto, run \S+\. Top hypothesis h-11: checkout resource_exhaustion, probability 0.92/,
    );
    expect(allowed).toMatch(/latest agreeing record \S+ \(INC-10/);
  });
});
