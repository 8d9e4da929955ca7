import type { AuditActor } from '../../core/audit/audit-actor.ts';
import { contentHash } from '../../core/audit/content-hash.ts';
import { redactText } from '../../core/audit/redact-secrets.ts';
import type { ErrorCode } from '../../core/errors/error-codes.ts';
import type { RenderedStep } from '../../core/runbooks/rendered-step.ts';
import { rerenderStep } from '../../core/runbooks/rerender-step.ts';
import { stepEffectId } from '../../core/runbooks/step-effect-id.ts';
import { stepMove } from '../../core/runbooks/step-move.ts';
import type { StepResult } from '../../core/runbooks/step-result.ts';
import type { StepRunOutcome } from '../../core/runbooks/step-run-outcome.ts';
import { FINAL_STEP_STATUSES } from '../../core/runbooks/step-transitions.ts';
import type { Run } from '../../core/storage/run-store.ts';
import { cancelRun } from './cancel-run.ts';
import type { LoadedRun } from './decode-run.ts';
import { loadRun } from './load-run.ts';
import { outputExcerpt } from './output-excerpt.ts';
import type { RunbookDeps } from './runbook-deps.ts';

/**
 * What asking a step to run came to: it ran (succeeded or failed, with its result); it needs
 * approval first; it was skipped (it already ran or is running elsewhere, or the run was cancelled
 * meanwhile — it will not run twice); or it was refused (the step changed since it was approved,
 * the approval expired, the run is over, a verify or rollback step whose step did not succeed or
 * fail) with a code.
 */
export type StepExecution =
  | {
      readonly outcome: 'succeeded' | 'failed';
      readonly result: StepResult;
      /** The run after the step ended (undefined if the step was moved by someone else meanwhile). */
      readonly run: Run | undefined;
    }
  | { readonly outcome: 'needs-approval'; readonly step: RenderedStep }
  | {
      readonly outcome: 'skipped';
      readonly step: RenderedStep;
      readonly reason: 'already-ran' | 'running' | 'cancelled';
    }
  | {
      readonly outcome: 'refused';
      readonly reason: 'unknown' | 'step-changed' | 'approval-expired' | 'not-approved' | 'run-over' | 'out-of-order';
      readonly code: ErrorCode;
      readonly message: string;
    };

export type ExecuteStepInput = {
  readonly runId: string;
  readonly step: number;
  /** Who set it going (the last approver, or `system` when a run continues by itself). */
  readonly actor: AuditActor;
  /** Stops a running step (its process group is killed). */
  readonly signal?: AbortSignal;
  /** The run as the caller already holds it (not read again). */
  readonly loaded?: LoadedRun;
  /**
   * Undo: a rollback step run on request after its step succeeded (in the run being undone; in
   * this run that step is skipped). Without it a rollback step runs only after its step failed.
   */
  readonly undo?: boolean;
};

/**
 * Runs one step of a run, at most once, ever:
 *
 * 1. it must be approved (granted, not expired) unless it needs no approval;
 * 2. it is rendered again from the current runbook and the run's parameters, and the hash must be
 *    the approved one (otherwise nothing runs and the run is cancelled);
 * 3. the effect journal's `begin` makes "started" durable, with the exact action, before anything
 *    runs — the same step id can begin only once, whichever replica, retry or click asks;
 * 4. the step moves to `running` conditionally (a run cancelled meanwhile wins, and nothing runs);
 * 5. the executor runs it; its output is capped, redacted, and stored once by hash in the audit
 *    log (`step.finished`); the step becomes `succeeded` or `failed`.
 *
 * A process that dies between 3 and 5 leaves the step `outcome-unknown` at the next start
 * (`recoverRuns`), never re-run.
 */
export async function executeApprovedStep(
  deps: Pick<RunbookDeps, 'runs' | 'audit' | 'effects' | 'catalog' | 'executors' | 'now'>,
  input: ExecuteStepInput,
): Promise<StepExecution> {
  const loaded = await loadRun(deps.runs, input.runId, input.step, input.loaded);
  if (!loaded.ok)
    return { outcome: 'refused', reason: 'unknown', code: loaded.error.code, message: loaded.error.message };
  const { run, plan } = loaded.value;
  const stored = loaded.value.step as NonNullable<typeof loaded.value.step>;
  const step = loaded.value.rendered as NonNullable<typeof loaded.value.rendered>;
  const subject = stepEffectId(run.id, input.step);
  const refuse = async (reason: 'step-changed' | 'approval-expired' | 'not-approved', message: string, extra = {}) => {
    await deps.audit.append({
      actor: input.actor,
      action: 'step.refused',
      subject,
      data: { incidentId: run.incidentId, runId: run.id, step: input.step, reason, ...extra },
    });
    return {
      outcome: 'refused' as const,
      reason,
      code:
        reason === 'step-changed'
          ? ('APPROVAL_STALE' as const)
          : reason === 'approval-expired'
            ? ('APPROVAL_EXPIRED' as const)
            : ('STEP_NOT_APPROVED' as const),
      message,
    };
  };

  if (stored.status === 'running') return { outcome: 'skipped', step, reason: 'running' };
  if (stored.status === 'cancelled') return { outcome: 'skipped', step, reason: 'cancelled' };
  if (FINAL_STEP_STATUSES.includes(stored.status)) {
    if (stored.status === 'denied') return refuse('not-approved', 'the step was rejected');
    return { outcome: 'skipped', step, reason: 'already-ran' };
  }
  if (run.status !== 'proposed' && run.status !== 'running')
    return { outcome: 'refused', reason: 'run-over', code: 'RUN_NOT_FOUND', message: `run ${run.id} is ${run.status}` };

  // A verify step checks a step that succeeded; a rollback step undoes one that failed (or failed its check).
  if (step.parent !== undefined) {
    const parent = run.steps[step.parent]?.status;
    const verify = plan.steps.find((s) => s.role === 'verify' && s.parent === step.parent);
    const failedCheck = verify !== undefined && run.steps[verify.index]?.status === 'failed';
    const due =
      step.role === 'verify'
        ? parent === 'succeeded'
        : parent === 'failed' || failedCheck || (input.undo === true && parent === 'skipped');
    if (!due)
      return {
        outcome: 'refused',
        reason: 'out-of-order',
        code: 'STEP_NOT_APPROVED',
        message: `a ${step.role} step runs only after its step ${step.role === 'verify' ? 'succeeded' : 'failed'}`,
      };
  }
  const needsApproval = step.approval !== undefined;
  if (needsApproval) {
    if (stored.status !== 'approved') return { outcome: 'needs-approval', step };
    const request = await deps.runs.approval(run.id, input.step);
    if (request?.state !== 'granted' || request.stepHash !== stored.renderedHash)
      return refuse('not-approved', 'the approval does not cover this step');
    if (deps.now() > request.expiresAt) {
      const expire = stepMove('expire', { only: 'approved' });
      await deps.runs.transitionStep(run.id, input.step, expire.from, { status: expire.to, at: deps.now() });
      return refuse('approval-expired', 'the approval was not used before it expired: request approval again');
    }
  } else if (stored.status !== 'pending') return { outcome: 'skipped', step, reason: 'already-ran' };

  const again = rerenderStep(deps.catalog, deps.executors.definitions, plan, input.step);
  if (!again.ok || again.value.hash !== stored.renderedHash) {
    const refused = await refuse(
      'step-changed',
      again.ok ? 'the step changed since it was approved (the runbook was edited): nothing ran' : again.error,
      { approvedHash: stored.renderedHash, ...(again.ok ? { renderedHash: again.value.hash } : {}) },
    );
    await cancelRun(deps, {
      runId: run.id,
      run,
      by: 'system',
      reason: `step ${input.step} changed since it was approved`,
    });
    return refused;
  }
  const runner = deps.executors.runners.get(step.uses);
  const begun = await deps.effects.begin({
    id: subject,
    kind: `runbook.${step.uses}`,
    subject,
    actor: input.actor,
    incidentId: run.incidentId,
    intent: {
      runId: run.id,
      runbook: run.runbook,
      step: input.step,
      stepId: step.id,
      role: step.role,
      risk: step.risk,
      stepHash: stored.renderedHash,
      action: step.action,
      rendered: step.display.join('\n'),
    },
  });
  if (!begun.started)
    return { outcome: 'skipped', step, reason: begun.effect.state === 'started' ? 'running' : 'already-ran' };
  const startedAt = deps.now();
  const start = stepMove('start', { needsApproval });
  const moving = await deps.runs.transitionStep(run.id, input.step, start.from, {
    status: start.to,
    at: startedAt,
    startedAt,
  });
  if (!moving) {
    await deps.effects.finish(subject, {
      status: 'failed',
      output: 'not run: the run was cancelled (or the step changed state) before it started',
      detail: { notRun: true },
    });
    return { outcome: 'skipped', step, reason: 'cancelled' };
  }
  await deps.runs.transitionRun(run.id, ['proposed'], 'running', startedAt);

  let outcome: StepRunOutcome;
  try {
    outcome = runner
      ? await runner(step.action, { timeoutMs: step.timeoutMs, signal: input.signal ?? new AbortController().signal })
      : {
          status: 'failed',
          output: `no runner for ${step.uses}`,
          truncatedBytes: 0,
          timedOut: false,
          summary: `no runner for ${step.uses}`,
        };
  } catch (e) {
    const summary = `INTERNAL: the ${step.uses} executor failed: ${(e as Error).message}`;
    outcome = { status: 'failed', output: summary, truncatedBytes: 0, timedOut: false, summary };
  }
  const output = redactText(outcome.output, deps.executors.knownSecrets);
  const summary = redactText(outcome.summary, deps.executors.knownSecrets);
  const finishedAt = deps.now();
  const finished = await deps.effects.finish(subject, {
    status: outcome.status,
    ...(outcome.exitCode !== undefined ? { exitCode: outcome.exitCode } : {}),
    output,
    detail: {
      summary,
      timedOut: outcome.timedOut,
      truncatedBytes: outcome.truncatedBytes,
      durationMs: finishedAt - startedAt,
      ...(outcome.detail ?? {}),
    },
  });
  // The output as the audit log kept it: inline (short) or stored once as a payload named by its hash.
  const kept = finished?.record.data.output;
  const ref =
    kept !== null && typeof kept === 'object' ? (kept as { readonly $payload?: unknown }).$payload : undefined;
  const outputHash = typeof kept === 'string' ? contentHash(kept) : typeof ref === 'string' ? ref : contentHash(output);
  const end = stepMove(outcome.status === 'succeeded' ? 'succeed' : 'fail');
  const done = await deps.runs.transitionStep(run.id, input.step, end.from, {
    status: end.to,
    at: finishedAt,
    finishedAt,
    outputHash,
    ...(outcome.exitCode !== undefined ? { exitCode: outcome.exitCode } : {}),
  });
  return {
    outcome: outcome.status,
    run: done,
    result: {
      runId: run.id,
      step,
      status: done?.steps[input.step]?.status ?? outcome.status,
      summary,
      excerpt: outputExcerpt(output),
      exitCode: outcome.exitCode,
      durationMs: finishedAt - startedAt,
      outputHash,
      timedOut: outcome.timedOut,
    },
  };
}
