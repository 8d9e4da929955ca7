import type { AuditActor } from '../../core/audit/audit-actor.ts';
import type { ErrorCode } from '../../core/errors/error-codes.ts';
import { approverEligibility } from '../../core/runbooks/approver-eligibility.ts';
import { rerenderStep } from '../../core/runbooks/rerender-step.ts';
import { stepMove } from '../../core/runbooks/step-move.ts';
import { tallyApprovals } from '../../core/runbooks/tally-approvals.ts';
import type { ApprovalDecisionOutcome, ApprovalRefusal } from './approval-decision-outcome.ts';
import { cancelRun } from './cancel-run.ts';
import type { LoadedRun } from './decode-run.ts';
import { loadRun } from './load-run.ts';
import type { RunbookDeps } from './runbook-deps.ts';

export type DecideApprovalInput = {
  readonly runId: string;
  readonly step: number;
  /** The step hash the button carried (the card the person saw); refused when it is not the requested one. */
  readonly stepHash?: string;
  /** The Slack user id (U…). */
  readonly user: string;
  readonly decision: 'approve' | 'reject';
  /** The Slack user group ids (S…) the user belongs to (the Slack side asks usergroups.users.list, cached). */
  readonly groupsOf: (user: string) => Promise<readonly string[]>;
  /** The run as the caller already loaded it (not read again). */
  readonly loaded?: LoadedRun;
};

const CODES: Readonly<Record<ApprovalRefusal, ErrorCode>> = {
  'unknown-run': 'RUN_NOT_FOUND',
  'no-approval-needed': 'STEP_NOT_APPROVED',
  'no-request': 'STEP_NOT_APPROVED',
  'not-pending': 'APPROVAL_STALE',
  expired: 'APPROVAL_EXPIRED',
  'hash-mismatch': 'APPROVAL_STALE',
  'step-changed': 'APPROVAL_STALE',
  requester: 'APPROVAL_FORBIDDEN',
  'not-approver': 'APPROVAL_FORBIDDEN',
  'already-decided': 'APPROVAL_STALE',
};

/**
 * Records one person's Approve or Reject of a step, under the policy: never the proposer or the
 * requester; only members of the step's approver groups (directly or through a Slack user group);
 * only while the request is pending and not expired; only for the requested step hash, and only if
 * the step still renders to that hash. `min` distinct approvers grant it (the step may run); one
 * rejection denies it and cancels the run. Every refusal is audited (`approval.refused`) with who
 * and why; an expired request is settled and audited (`approval.expired`).
 */
export async function decideApproval(
  deps: Pick<RunbookDeps, 'runs' | 'audit' | 'catalog' | 'executors' | 'policy' | 'now'>,
  input: DecideApprovalInput,
): Promise<ApprovalDecisionOutcome> {
  const actor: AuditActor = `slack:${input.user}`;
  const subject = `run:${input.runId}/step:${input.step}`;
  const loaded = await loadRun(deps.runs, input.runId, input.step, input.loaded);
  const refuse = async (reason: ApprovalRefusal, message: string, extra: Record<string, unknown> = {}) => {
    await deps.audit.append({
      actor,
      action: 'approval.refused',
      subject,
      data: {
        ...(loaded.ok ? { incidentId: loaded.value.run.incidentId } : {}),
        runId: input.runId,
        step: input.step,
        decision: input.decision,
        reason,
        ...extra,
      },
    });
    return { outcome: 'refused' as const, reason, code: CODES[reason], message };
  };
  if (!loaded.ok) return refuse('unknown-run', loaded.error.message);
  const { run, plan } = loaded.value;
  const step = loaded.value.step as NonNullable<typeof loaded.value.step>;
  const rendered = loaded.value.rendered as NonNullable<typeof loaded.value.rendered>;
  if (!rendered.approval) return refuse('no-approval-needed', `step ${input.step} needs no approval`);
  const request = await deps.runs.approval(run.id, input.step);
  if (!request) return refuse('no-request', 'approval has not been requested for this step yet');
  const now = deps.now();
  if (request.state === 'pending' && now > request.expiresAt) {
    if (await deps.runs.settleApproval(run.id, input.step, 'expired', now)) {
      const expire = stepMove('expire', { only: 'awaiting-approval' });
      await deps.runs.transitionStep(run.id, input.step, expire.from, { status: expire.to, at: now });
      await deps.audit.append({
        actor: 'system',
        action: 'approval.expired',
        subject,
        data: { incidentId: run.incidentId, runId: run.id, step: input.step, stepHash: request.stepHash },
      });
    }
    return refuse('expired', 'the approval request expired: request approval again');
  }
  if (request.state === 'expired') return refuse('expired', 'the approval request expired: request approval again');
  if (request.state !== 'pending' || step.status !== 'awaiting-approval')
    return refuse(
      'not-pending',
      `this step is ${request.state === 'pending' ? step.status : request.state}, not awaiting approval`,
    );
  if (input.stepHash !== undefined && input.stepHash !== request.stepHash)
    return refuse('hash-mismatch', 'this card shows another version of the step: use the latest card', {
      stepHash: input.stepHash,
      requestedHash: request.stepHash,
    });
  const again = rerenderStep(deps.catalog, deps.executors.definitions, plan, input.step);
  if (!again.ok || again.value.hash !== request.stepHash)
    return refuse(
      'step-changed',
      again.ok ? 'the runbook changed since the plan was made: propose it again' : again.error,
      {
        requestedHash: request.stepHash,
        ...(again.ok ? { renderedHash: again.value.hash } : {}),
      },
    );
  const eligible = approverEligibility({
    user: input.user,
    userGroups: await input.groupsOf(input.user),
    requirement: rendered.approval,
    excluded: [request.requestedBy, run.proposedBy],
    policy: deps.policy,
  });
  if (!eligible.ok)
    return refuse(
      eligible.reason,
      eligible.reason === 'requester'
        ? 'you proposed this run or requested the approval: someone else must decide'
        : `you are not in the approver groups of this step (${rendered.approval.from.join(', ')})`,
    );
  const decision = input.decision === 'approve' ? 'granted' : 'denied';
  const recorded = await deps.runs.decide({
    runId: run.id,
    stepIndex: input.step,
    stepHash: request.stepHash,
    approver: actor,
    decision,
    at: now,
  });
  if (!recorded.recorded)
    return refuse(
      recorded.reason === 'hash-mismatch' ? 'hash-mismatch' : recorded.reason,
      recorded.reason === 'already-decided'
        ? 'you already decided on this step'
        : 'this step is no longer awaiting approval',
    );
  await deps.audit.append({
    actor,
    action: decision === 'granted' ? 'approval.granted' : 'approval.denied',
    subject,
    data: {
      incidentId: run.incidentId,
      runId: run.id,
      step: input.step,
      stepHash: request.stepHash,
      group: eligible.group,
    },
  });
  const tally = tallyApprovals(await deps.runs.decisions(run.id, input.step), request.stepHash, request.required);
  // Decisions do not change the run: it is as loaded unless this call settles the request.
  let latest = run;
  const settles = tally.outcome !== 'pending';
  const settled = settles && (await deps.runs.settleApproval(run.id, input.step, tally.outcome, deps.now()));
  if (settled) {
    const move = stepMove(tally.outcome === 'granted' ? 'grant' : 'deny');
    const moved = await deps.runs.transitionStep(run.id, input.step, move.from, {
      status: move.to,
      at: deps.now(),
    });
    if (moved) latest = moved;
    if (tally.outcome === 'denied')
      latest =
        (await cancelRun(deps, {
          runId: run.id,
          run: latest,
          by: actor,
          reason: `step ${input.step} (${rendered.id}) was rejected`,
        })) ?? latest;
  }
  // Someone else settled it meanwhile: read what they made of the run.
  if (settles && !settled) latest = (await deps.runs.get(run.id)) ?? latest;
  return { outcome: 'recorded', state: tally.outcome, tally, run: latest };
}
