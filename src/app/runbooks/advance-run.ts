import type { AuditActor } from '../../core/audit/audit-actor.ts';
import type { ErrorCode } from '../../core/errors/error-codes.ts';
import type { RenderedStep } from '../../core/runbooks/rendered-step.ts';
import type { StepResult } from '../../core/runbooks/step-result.ts';
import type { Run, StepStatus } from '../../core/storage/run-store.ts';
import type { LoadedRun } from './decode-run.ts';
import { executeApprovedStep } from './execute-approved-step.ts';
import { finishRun } from './finish-run.ts';
import { loadRun } from './load-run.ts';
import type { RunbookDeps } from './runbook-deps.ts';

/**
 * Where a run stands after `advanceRun`: waiting for approval of a step, a step running elsewhere
 * (another replica or click), finished (the run's final status is in `run.status`), or refused
 * (with a code: the step changed, the approval expired …). `executed` lists what this call ran.
 */
export type RunAdvance = {
  readonly state: 'needs-approval' | 'in-progress' | 'finished' | 'refused';
  /** Undefined only when the run does not exist (refused, RUN_NOT_FOUND). */
  readonly run: Run | undefined;
  readonly executed: readonly StepResult[];
  /** needs-approval: the step the run waits for. */
  readonly waitingFor?: RenderedStep;
  readonly code?: ErrorCode;
  readonly message?: string;
};

export type AdvanceRunInput = {
  readonly runId: string;
  readonly actor: AuditActor;
  /** Called after each executed step (stream it into the thread). */
  readonly onStep?: (result: StepResult) => Promise<void> | void;
  readonly signal?: AbortSignal;
  /** The run as the caller already holds it (not read again). */
  readonly loaded?: LoadedRun;
  /**
   * How long to wait for a step another caller (a replica, a second click) is running before
   * returning `in-progress`; default: the plan's longest step timeout plus 5 s.
   */
  readonly waitForOthersMs?: number;
};

const OPEN: readonly StepStatus[] = ['pending', 'awaiting-approval', 'approved', 'expired'];
const POLL_MS = 100;

/**
 * Moves a run forward as far as its approvals allow, in order: each main step, then its verify
 * step; a failed step or failed verification follows the step's `onFailure` — `continue` to the
 * next step, `stop` the run, or `rollback` (run the step's rollback steps, then stop). It waits
 * (returns `needs-approval`) at the first step whose approval is not granted yet. Safe to call
 * again at any time (after each approval, after a restart, from two replicas at once): it derives
 * everything from the stored statuses, each step runs at most once, and when another caller is
 * running a step it waits for that step and carries on (so an approval arriving meanwhile is not
 * missed), returning `in-progress` only after `waitForOthersMs`. Ends the run (`run.finished`)
 * when nothing is left.
 */
export async function advanceRun(
  deps: Pick<RunbookDeps, 'runs' | 'audit' | 'effects' | 'catalog' | 'executors' | 'now'>,
  input: AdvanceRunInput,
): Promise<RunAdvance> {
  const loaded = await loadRun(deps.runs, input.runId, undefined, input.loaded);
  if (!loaded.ok)
    return { state: 'refused', run: undefined, executed: [], code: loaded.error.code, message: loaded.error.message };
  const { plan } = loaded.value;
  let run = loaded.value.run;
  const executed: StepResult[] = [];
  const status = (i: number): StepStatus => run.steps[i]?.status ?? 'skipped';
  const reload = async () => {
    run = (await deps.runs.get(run.id)) ?? run;
  };
  const done = (state: RunAdvance['state'], extra: Partial<RunAdvance> = {}): RunAdvance => ({
    state,
    run,
    executed,
    ...extra,
  });

  /** Runs one step if it is still open; undefined to go on, or the advance to return. */
  const step = async (s: RenderedStep): Promise<RunAdvance | undefined> => {
    if (OPEN.includes(status(s.index))) {
      const r = await executeApprovedStep(deps, {
        runId: run.id,
        step: s.index,
        actor: input.actor,
        ...(input.signal ? { signal: input.signal } : {}),
        loaded: { run, plan },
      });
      // What this call ran, and what it waits for, it knows; anything else may be another caller's doing.
      if ((r.outcome === 'succeeded' || r.outcome === 'failed') && r.run) run = r.run;
      else if (r.outcome !== 'needs-approval') await reload();
      if (r.outcome === 'succeeded' || r.outcome === 'failed') {
        executed.push(r.result);
        await input.onStep?.(r.result);
      } else if (r.outcome === 'needs-approval') return done('needs-approval', { waitingFor: s });
      else if (r.outcome === 'refused') return done('refused', { code: r.code, message: r.message });
    }
    const now = status(s.index);
    // Running elsewhere — or just begun by another caller that has not marked it running yet.
    if (now === 'running' || OPEN.includes(now)) return done('in-progress');
    if (now === 'outcome-unknown') {
      run = await finishRun(deps, run, 'outcome-unknown', input.actor, `step ${s.index} (${s.id}): outcome unknown`);
      return done('finished');
    }
    if (now === 'cancelled' || now === 'denied' || run.status === 'cancelled') return done('finished');
    return undefined;
  };

  const walk = async (): Promise<RunAdvance> => {
    if (run.status !== 'proposed' && run.status !== 'running') return done('finished');
    let failed = false;
    for (const main of plan.steps.filter((s) => s.role === 'main')) {
      const stop = await step(main);
      if (stop) return stop;
      let ok = status(main.index) === 'succeeded';
      const verify = plan.steps.find((s) => s.role === 'verify' && s.parent === main.index);
      if (ok && verify) {
        const stopV = await step(verify);
        if (stopV) return stopV;
        ok = status(verify.index) === 'succeeded';
      }
      if (ok) continue;
      failed = true;
      if (main.onFailure === 'continue') continue;
      if (main.onFailure === 'rollback') {
        for (const rb of plan.steps.filter((s) => s.role === 'rollback' && s.parent === main.index)) {
          const stopR = await step(rb);
          if (stopR) return stopR;
          if (status(rb.index) !== 'succeeded') break;
        }
      }
      run = await finishRun(
        deps,
        run,
        'failed',
        input.actor,
        `step ${main.index} (${main.id}) failed; onFailure ${main.onFailure}`,
      );
      return done('finished');
    }
    run = await finishRun(deps, run, failed ? 'failed' : 'succeeded', input.actor);
    return done('finished');
  };

  const patience = input.waitForOthersMs ?? Math.max(0, ...plan.steps.map((s) => s.timeoutMs)) + 5000;
  // A timer, not the clock: the injected clock may stand still (tests) while we wait for others.
  let patienceOver = false;
  const timer = setTimeout(() => {
    patienceOver = true;
  }, patience);
  try {
    for (;;) {
      const r = await walk();
      if (r.state !== 'in-progress' || patienceOver) return r;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      await reload();
    }
  } finally {
    clearTimeout(timer);
  }
}
