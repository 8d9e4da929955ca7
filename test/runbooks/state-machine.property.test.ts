import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { advanceRun } from '../../src/app/runbooks/advance-run.ts';
import { cancelRun } from '../../src/app/runbooks/cancel-run.ts';
import { decideApproval } from '../../src/app/runbooks/decide-approval.ts';
import { executeApprovedStep } from '../../src/app/runbooks/execute-approved-step.ts';
import { expireApprovals } from '../../src/app/runbooks/expire-approvals.ts';
import { proposeRun } from '../../src/app/runbooks/propose-run.ts';
import { recoverRuns } from '../../src/app/runbooks/recover-runs.ts';
import { requestApproval } from '../../src/app/runbooks/request-approval.ts';
import type { RunbookDeps } from '../../src/app/runbooks/runbook-deps.ts';
import type { StepEvent } from '../../src/core/runbooks/step-event.ts';
import type { StepRunner } from '../../src/core/runbooks/step-runner.ts';
import {
  FINAL_STEP_STATUSES,
  nextStepStatus,
  STEP_TRANSITIONS,
  statusesAllowing,
} from '../../src/core/runbooks/step-transitions.ts';
import type { StepStatus } from '../../src/core/storage/run-store.ts';
import { checkedRunStore } from './support/checked-run-store.ts';
import { catalogOf, GROUPS, runbookDeps, testClock, UNDO_RUNBOOK } from './support/runbook-harness.ts';

/** A small seeded generator (mulberry32): the same seed replays the same sequence. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

const STATUSES = Object.keys(STEP_TRANSITIONS) as StepStatus[];
const EVENTS: StepEvent[] = [
  'request-approval',
  'grant',
  'deny',
  'expire',
  'start',
  'succeed',
  'fail',
  'lose',
  'cancel',
  'skip',
];

/** Statuses reachable from `from` in zero or more legal moves. */
function reachable(from: StepStatus): Set<StepStatus> {
  const seen = new Set<StepStatus>([from]);
  const todo = [from];
  while (todo.length) {
    const s = todo.pop() as StepStatus;
    for (const t of Object.values(STEP_TRANSITIONS[s])) {
      if (t && !seen.has(t)) {
        seen.add(t);
        todo.push(t);
      }
    }
  }
  return seen;
}

describe('step state machine (pure): random event sequences', () => {
  it('never reach an unknown state, enter running at most once, never leave a final state, never start unapproved', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const r = rng(seed);
      const needsApproval = r.next() < 0.7;
      let s: StepStatus = 'pending';
      let runs = 0;
      let approved = !needsApproval;
      for (let i = 0; i < 30; i++) {
        const e = r.pick(EVENTS);
        const next = nextStepStatus(s, e, needsApproval);
        if (FINAL_STEP_STATUSES.includes(s)) expect(next, `${seed}: ${s} is final`).toBeUndefined();
        if (next === undefined) continue;
        expect(STATUSES).toContain(next);
        if (next === 'approved') approved = true;
        if (next === 'expired') approved = false;
        if (next === 'running') {
          runs++;
          expect(approved, `seed ${seed}: started without approval`).toBe(true);
        }
        s = next;
      }
      expect(runs).toBeLessThanOrEqual(1);
    }
  });

  it('running is reachable only through approved (or straight from pending when no approval is needed)', () => {
    for (const s of STATUSES) {
      for (const e of EVENTS) {
        if (nextStepStatus(s, e, true) === 'running') expect(s).toBe('approved');
        if (nextStepStatus(s, e, false) === 'running') expect(['pending', 'approved']).toContain(s);
      }
    }
    expect(reachable('running')).toEqual(new Set(['running', 'succeeded', 'failed', 'outcome-unknown']));
  });

  it('lose (crash recovery) takes exactly pending, approved and running to outcome-unknown', () => {
    for (const needsApproval of [true, false]) {
      expect(statusesAllowing('lose', needsApproval).sort()).toEqual(['approved', 'pending', 'running']);
      for (const s of STATUSES) {
        const next = nextStepStatus(s, 'lose', needsApproval);
        expect(next, s).toBe(['pending', 'approved', 'running'].includes(s) ? 'outcome-unknown' : undefined);
      }
    }
    // No other event leads to outcome-unknown.
    for (const s of STATUSES)
      for (const e of EVENTS.filter((x) => x !== 'lose'))
        expect(nextStepStatus(s, e, true)).not.toBe('outcome-unknown');
  });

  it('each event has one target status', () => {
    for (const e of EVENTS) {
      const targets = new Set(STATUSES.map((s) => STEP_TRANSITIONS[s][e]).filter((t) => t !== undefined));
      expect(targets.size, e).toBe(1);
    }
  });
});

describe('runbook use-cases: random interleavings against a real store', () => {
  it('every observed step move is legal, no step runs twice, and nothing runs without its approvals', async () => {
    const finals = new Map<string, number>();
    let approvedRuns = 0;
    let moves = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const opened = await openStorage('sqlite::memory:', { clock: () => Date.UTC(2026, 0, 1) });
      if (!opened.ok) throw new Error(opened.error.message);
      const checked = checkedRunStore(opened.value.runs);
      const storage = { ...opened.value, runs: checked.runs };
      const clock = testClock();
      const ran = new Map<string, number>();
      const counting: StepRunner = async (action) => {
        const key = JSON.stringify(action);
        ran.set(key, (ran.get(key) ?? 0) + 1);
        const ok = r.next() < 0.8;
        return {
          status: ok ? 'succeeded' : 'failed',
          output: key,
          truncatedBytes: 0,
          timedOut: false,
          summary: ok ? 'ok' : 'failed',
        };
      };
      const base = runbookDeps(storage, { catalog: catalogOf([UNDO_RUNBOOK]), path: '/nowhere', clock });
      const deps: RunbookDeps = {
        ...base,
        executors: {
          ...base.executors,
          runners: new Map([...base.executors.runners, ['kubectl', counting], ['check', counting]]),
        },
      };
      const p = await proposeRun(deps, {
        runbookId: 'undo-checkout',
        incidentId: 'INC-P',
        proposedBy: 'slack:U0ALICE',
      });
      if (!p.ok) throw new Error(p.error.message);
      const runId = p.value.run.id;
      let before = p.value.run.steps.map((s) => s.status);
      const users = ['U0ALICE', 'U0SRE1', 'U0SRE2', 'U0SRE3', 'U0OPS1', 'U0MALLORY', 'U0GRP01'];
      const groupsOf = async (u: string) => (u === 'U0GRP01' ? ['S0SREGRP'] : []);
      for (let i = 0; i < 70; i++) {
        const op = r.next();
        if (op < 0.12) await requestApproval(deps, { runId, requestedBy: `slack:${r.pick(['U0ALICE', 'U0SRE1'])}` });
        else if (op < 0.5)
          await decideApproval(deps, {
            runId,
            step: r.pick([1, 3, 0]),
            user: r.pick(users),
            decision: r.next() < 0.98 ? 'approve' : 'reject',
            groupsOf,
          });
        else if (op < 0.6) clock.advance(r.pick([1000, 60_000, 31 * 60_000]));
        else if (op < 0.65) await expireApprovals(deps);
        else if (op < 0.8) await executeApprovedStep(deps, { runId, step: r.pick([0, 1, 2, 3]), actor: 'system' });
        else if (op < 0.99) await advanceRun(deps, { runId, actor: 'system' });
        else await cancelRun(deps, { runId, by: 'slack:U0SRE1', reason: 'test' });
        const run = await storage.runs.get(runId);
        const after = run?.steps.map((s) => s.status) ?? [];
        after.forEach((s, k) => {
          expect(reachable(before[k] as StepStatus).has(s), `seed ${seed} op ${i}: step ${k} ${before[k]} → ${s}`).toBe(
            true,
          );
        });
        before = after;
      }
      for (const [key, n] of ran) expect(n, `seed ${seed}: ${key} ran ${n} times`).toBe(1);
      // Every step that ran and needs approval had its approvals: min distinct eligible approvers, none the requester.
      const run = await storage.runs.get(runId);
      for (const s of run?.steps ?? []) {
        const planned = p.value.plan.steps[s.index];
        if (!planned?.approval || s.startedAt === undefined) continue;
        approvedRuns++;
        const request = await storage.runs.approval(runId, s.index);
        const yes = (await storage.runs.decisions(runId, s.index)).filter(
          (d) => d.decision === 'granted' && d.stepHash === s.renderedHash,
        );
        expect(request?.state, `seed ${seed}: step ${s.index}`).toBe('granted');
        expect(yes.length).toBeGreaterThanOrEqual(planned.approval.min);
        for (const d of yes) {
          expect(d.approver).not.toBe(request?.requestedBy);
          expect(d.approver).not.toBe('slack:U0ALICE');
          const user = d.approver.slice('slack:'.length);
          expect(GROUPS.sre.includes(user) || user === 'U0GRP01').toBe(true);
        }
      }
      expect((await verifyAudit(storage)).ok).toBe(true);
      // Every move the store made for the use-cases is one the core state machine allows.
      expect(checked.violations, `seed ${seed}`).toEqual([]);
      moves += checked.moves.length;
      finals.set(run?.status ?? '?', (finals.get(run?.status ?? '?') ?? 0) + 1);
      await storage.close();
    }
    // The random walks did reach the interesting places: approved steps ran, runs ended every way.
    expect(approvedRuns).toBeGreaterThan(5);
    expect(moves).toBeGreaterThan(100);
    expect([...finals.keys()].sort()).toEqual(expect.arrayContaining(['cancelled', 'failed', 'succeeded']));
  });
});

const groupsOf = async () => [];

describe('crash recovery is the lose event', () => {
  it('a step whose effect began but never ran (still approved) becomes outcome-unknown through allowed moves only', async () => {
    const opened = await openStorage('sqlite::memory:', { clock: () => Date.UTC(2026, 0, 1), instanceId: 'node-a' });
    if (!opened.ok) throw new Error(opened.error.message);
    const checked = checkedRunStore(opened.value.runs);
    const storage = { ...opened.value, runs: checked.runs };
    const deps = runbookDeps(storage, { catalog: catalogOf([UNDO_RUNBOOK]), path: '/nowhere' });
    const p = await proposeRun(deps, { runbookId: 'undo-checkout', incidentId: 'INC-R', proposedBy: 'slack:U0ALICE' });
    if (!p.ok) throw new Error(p.error.message);
    const runId = p.value.run.id;
    await requestApproval(deps, { runId, requestedBy: 'slack:U0ALICE' });
    const undo = p.value.plan.steps.find((s) => s.id === 'undo')?.index as number;
    await decideApproval(deps, { runId, step: undo, user: 'U0SRE1', decision: 'approve', groupsOf });
    const decided = await decideApproval(deps, { runId, step: undo, user: 'U0SRE2', decision: 'approve', groupsOf });
    expect(decided.outcome === 'recorded' && decided.state).toBe('granted');
    // The process began the step's effect and died before marking the step running.
    const begun = await storage.effects.begin({
      id: `run:${runId}/step:${undo}`,
      kind: 'runbook.kubectl',
      subject: `run:${runId}/step:${undo}`,
      actor: 'system',
      incidentId: 'INC-R',
      intent: { runId, step: undo },
    });
    expect(begun.started).toBe(true);
    expect((await storage.runs.get(runId))?.steps[undo]?.status).toBe('approved');

    const recovered = await recoverRuns(deps, { owner: 'node-a' });
    expect(recovered.map((r) => r.step)).toEqual([undo]);
    const run = await storage.runs.get(runId);
    expect(run?.steps[undo]?.status).toBe('outcome-unknown');
    expect(run?.status).toBe('outcome-unknown');
    expect(checked.violations).toEqual([]);
    expect(checked.moves).toContainEqual({ from: 'approved', to: 'outcome-unknown' });
    await storage.close();
  });
});
