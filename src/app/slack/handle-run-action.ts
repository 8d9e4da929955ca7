import { buildApprovalCardBlocks } from '../../core/chat/approval-card-blocks.ts';
import type { ChatMessage } from '../../core/chat/block-kit.ts';
import { buildErrorMessage } from '../../core/chat/build-error-message.ts';
import { buildNoticeMessage } from '../../core/chat/build-notice-message.ts';
import { escapeMrkdwn } from '../../core/chat/escape-mrkdwn.ts';
import { buildRunbookPlanBlocks } from '../../core/chat/runbook-plan-blocks.ts';
import { buildRunbookRunSummaryBlocks } from '../../core/chat/runbook-run-summary-blocks.ts';
import { buildRunbookStepResultBlocks } from '../../core/chat/runbook-step-result-blocks.ts';
import type { RunView } from '../../core/runbooks/run-view.ts';
import { advanceRun } from '../runbooks/advance-run.ts';
import { cancelRun } from '../runbooks/cancel-run.ts';
import { decideApproval } from '../runbooks/decide-approval.ts';
import type { LoadedRun } from '../runbooks/decode-run.ts';
import { loadRun } from '../runbooks/load-run.ts';
import { loadRunView } from '../runbooks/load-run-view.ts';
import { requestApproval } from '../runbooks/request-approval.ts';
import type { RunbookChatDeps } from './runbook-chat-deps.ts';

/** A click on a plan or approval card. */
export type RunAction = {
  readonly kind: 'request-approval' | 'start' | 'cancel' | 'approve' | 'reject';
  readonly runId: string;
  /** Approve/Reject: the step and the hash the card showed (the approval binds to it). */
  readonly step?: number;
  readonly stepHash?: string;
  readonly user: string;
  readonly channel: string;
  /** The card clicked (edited in place) and which card it is. */
  readonly messageTs: string;
  readonly card: 'plan' | 'approval';
  /** The thread the run's messages go to. */
  readonly threadTs: string;
  /** An answer only this person sees (refusals, errors). */
  readonly tell: (message: ChatMessage) => Promise<void>;
};

/**
 * The buttons of the runbook cards. "Request approval" posts the approval card in the thread;
 * Approve/Reject record one person's decision under the policy (refusals are told to that person
 * only, and audited) and edit the card in place; once a step's approvals are granted — or "Run"
 * on a plan that needs none — the run moves forward as far as its approvals allow, each step's
 * result posted in the thread as it ends and a summary at the end. "Cancel" stops it before the
 * next step.
 */
export async function handleRunAction(deps: RunbookChatDeps, a: RunAction): Promise<void> {
  const actor = `slack:${a.user}` as const;
  const rb = deps.runbook;
  switch (a.kind) {
    case 'request-approval': {
      const r = await requestApproval(rb, { runId: a.runId, requestedBy: actor });
      if (!r.ok) return a.tell(buildErrorMessage(r.error.code, r.error.message));
      if (r.value.requested.length === 0)
        return a.tell(
          buildNoticeMessage(
            `Nothing to request for run \`${a.runId}\`: approval was already requested (see the approval card in this thread) or no step needs it.`,
          ),
        );
      const view = await loadRunView(rb, a.runId);
      if (!view.ok) return a.tell(buildErrorMessage(view.error.code, view.error.message));
      const posted = await deps.chat.post(a.channel, buildApprovalCardBlocks(view.value, rb.now()), a.threadTs);
      if (posted.ok) {
        deps.cards?.set(a.runId, posted.value);
        await rb.audit.append({
          actor,
          action: 'message.posted',
          subject: `run:${a.runId}`,
          data: {
            incidentId: view.value.run.incidentId,
            runId: a.runId,
            kind: 'runbook-approval',
            channel: posted.value.channel,
            ts: posted.value.ts,
            threadTs: a.threadTs,
          },
        });
      }
      await deps.chat.update(
        { channel: a.channel, ts: a.messageTs },
        buildRunbookPlanBlocks(view.value.plan, view.value.run),
      );
      return;
    }
    case 'approve':
    case 'reject': {
      if (a.step === undefined) return;
      // Loaded once here and passed down: the decision, the card and the run moving on share it.
      const loaded = await loadRun(rb.runs, a.runId);
      const outcome = await decideApproval(rb, {
        ...(loaded.ok ? { loaded: loaded.value } : {}),
        runId: a.runId,
        step: a.step,
        ...(a.stepHash ? { stepHash: a.stepHash } : {}),
        user: a.user,
        decision: a.kind,
        groupsOf: deps.groupsOf,
      });
      if (outcome.outcome === 'refused') {
        await a.tell(buildErrorMessage(outcome.code, outcome.message));
        await rerender(deps, a);
        return;
      }
      const known = loaded.ok ? { run: outcome.run, plan: loaded.value.plan } : undefined;
      await rerender(deps, a, known);
      if (outcome.state === 'granted') return moveOn(deps, a, known);
      if (outcome.state === 'denied') {
        await deps.chat.post(
          a.channel,
          buildNoticeMessage(
            `:no_entry: <@${a.user}> rejected step ${a.step + 1}: run \`${a.runId}\` is cancelled and nothing more runs.`,
          ),
          a.threadTs,
        );
      }
      return;
    }
    case 'start':
      return moveOn(deps, a);
    case 'cancel': {
      const run = await cancelRun(rb, { runId: a.runId, by: actor, reason: `cancelled in Slack by ${a.user}` });
      if (!run) return a.tell(buildNoticeMessage(`Run \`${a.runId}\` has already finished or was cancelled.`));
      await rerender(deps, a);
      await deps.chat.post(
        a.channel,
        buildNoticeMessage(`:octagonal_sign: <@${a.user}> cancelled run \`${a.runId}\`; no further step runs.`),
        a.threadTs,
      );
      return;
    }
  }
}

/** Runs what the approvals allow, posting each step's result and, at the end, the summary. */
async function moveOn(deps: RunbookChatDeps, a: RunAction, given?: LoadedRun): Promise<void> {
  const loaded = given ? undefined : await loadRun(deps.runbook.runs, a.runId);
  const known = given ?? (loaded?.ok ? loaded.value : undefined);
  const advance = await advanceRun(deps.runbook, {
    ...(known ? { loaded: known } : {}),
    runId: a.runId,
    actor: `slack:${a.user}`,
    onStep: async (result) => {
      await deps.chat.post(a.channel, buildRunbookStepResultBlocks(result), a.threadTs);
    },
  });
  if (advance.state === 'refused') {
    await a.tell(buildErrorMessage(advance.code ?? 'STEP_NOT_APPROVED', advance.message ?? 'the run cannot go on'));
    return;
  }
  if (advance.state === 'needs-approval' && a.kind === 'start' && advance.waitingFor)
    await a.tell(
      buildNoticeMessage(
        `Step ${advance.waitingFor.index + 1} (${escapeMrkdwn(advance.waitingFor.name)}) needs approval first: press *Request approval*.`,
      ),
    );
  const view = await rerender(deps, a, known && advance.run ? { run: advance.run, plan: known.plan } : undefined);
  if (advance.state === 'finished' && view)
    await deps.chat.post(a.channel, buildRunbookRunSummaryBlocks(view.run, view.plan), a.threadTs);
}

/** Edits the clicked card to show the run as it is now (`known`: as this click left it); returns that view. */
async function rerender(deps: RunbookChatDeps, a: RunAction, known?: LoadedRun): Promise<RunView | undefined> {
  const view = await loadRunView(deps.runbook, a.runId, known);
  if (!view.ok) return undefined;
  await deps.chat.update(
    { channel: a.channel, ts: a.messageTs },
    a.card === 'plan'
      ? buildRunbookPlanBlocks(view.value.plan, view.value.run)
      : buildApprovalCardBlocks(view.value, deps.runbook.now()),
  );
  return view.value;
}
