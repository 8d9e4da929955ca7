import type { AuditActor } from '../../core/audit/audit-actor.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import { runStepsOf } from '../../core/runbooks/run-steps-of.ts';
import { stepMove } from '../../core/runbooks/step-move.ts';
import type { StepResult } from '../../core/runbooks/step-result.ts';
import type { Run } from '../../core/storage/run-store.ts';
import { executeApprovedStep } from '../runbooks/execute-approved-step.ts';
import { finishRun } from '../runbooks/finish-run.ts';
import { loadRun } from '../runbooks/load-run.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';
import { demoteRunbook } from './demote-runbook.ts';
import { grantSteps } from './grant-steps.ts';
import { isRunbookApprover } from './is-approver.ts';

/**
 * [Undo] after an autonomous step ran: anyone in the runbook's approver groups runs the step's
 * rollback steps — once (the countdown moves `finished → undone` conditionally) — as a new run of
 * the same plan in which everything but those rollback steps is skipped; their approval is the
 * person's press, bound to the rendered hashes, and they run through the same exactly-once
 * execution. The runbook is demoted (cause `undo`). Returns the undo run and its step results.
 */
export async function undoAutonomousRun(
  deps: AutonomyDeps,
  input: {
    readonly runId: string;
    readonly user: string;
    readonly userGroups: readonly string[];
    readonly onStep?: (r: StepResult) => Promise<void> | void;
  },
): Promise<Result<{ readonly run: Run; readonly executed: readonly StepResult[] }, CausewayError>> {
  const by: AuditActor = `slack:${input.user}`;
  const c = await deps.autonomy.countdown(input.runId);
  if (!c) return { ok: false, error: { code: 'RUN_NOT_FOUND', message: `no autonomous run ${input.runId}` } };
  if (!isRunbookApprover(deps, c.runbook, input.user, input.userGroups)) {
    await deps.audit.append({
      actor: by,
      action: 'autonomy.refused',
      subject: `run:${c.runId}`,
      data: { incidentId: c.incidentId, what: 'undo', runId: c.runId, reason: 'not-approver' },
    });
    return {
      ok: false,
      error: { code: 'APPROVAL_FORBIDDEN', message: "only the runbook's approver groups may undo it" },
    };
  }
  const loaded = await loadRun(deps.runs, c.runId);
  if (!loaded.ok) return loaded;
  const { plan } = loaded.value;
  const rollback = plan.steps.filter((s) => s.role === 'rollback' && s.parent === c.step).map((s) => s.index);
  if (rollback.length === 0 || loaded.value.run.status !== 'succeeded')
    return {
      ok: false,
      error: {
        code: 'STEP_NOT_APPROVED',
        message: `run ${c.runId} is ${loaded.value.run.status}: there is nothing to undo`,
      },
    };
  if (!(await deps.autonomy.moveCountdown(c.runId, 'finished', 'undone', deps.now(), by)))
    return { ok: false, error: { code: 'APPROVAL_STALE', message: 'it was already undone (or has not finished yet)' } };
  const created = await deps.runs.create({
    id: deps.newId(),
    incidentId: c.incidentId,
    runbook: c.runbook,
    proposedBy: by,
    at: deps.now(),
    steps: runStepsOf(plan),
    // The same stored plan (and hypothesis) as the run it undoes (decoded above, so present): only
    // its rollback steps will run.
    ...(loaded.value.run.plan ? { plan: loaded.value.run.plan } : {}),
  });
  await deps.audit.append({
    actor: by,
    action: 'runbook.proposed',
    subject: `run:${created.id}`,
    data: {
      incidentId: c.incidentId,
      runId: created.id,
      runbook: c.runbook,
      undoes: c.runId,
      steps: rollback.map((i) => ({ step: i, id: plan.steps[i]?.id ?? '', stepHash: plan.steps[i]?.hash ?? '' })),
    },
  });
  const skip = stepMove('skip');
  let run = created;
  for (const s of plan.steps)
    if (!rollback.includes(s.index))
      run = (await deps.runs.transitionStep(run.id, s.index, skip.from, { status: skip.to, at: deps.now() })) ?? run;
  run = await grantSteps(deps, { run, plan }, rollback, by, 'undo');
  const executed: StepResult[] = [];
  let failed = false;
  for (const i of rollback) {
    const r = await executeApprovedStep(deps, { runId: run.id, step: i, actor: by, undo: true });
    if (r.outcome === 'succeeded' || r.outcome === 'failed') {
      executed.push(r.result);
      await input.onStep?.(r.result);
      run = r.run ?? run;
    }
    if (r.outcome !== 'succeeded') {
      failed = true;
      break;
    }
  }
  run = await finishRun(deps, run, failed ? 'failed' : 'succeeded', by, `undo of run ${c.runId}`);
  await demoteRunbook(deps, { runbookId: c.runbook, incidentId: c.incidentId, cause: 'undo', by, at: deps.now() });
  return { ok: true, value: { run, executed } };
}
