import type { RunView } from '../runbooks/run-view.ts';
import type { ActionsBlock, Block, ChatMessage } from './block-kit.ts';
import { encodeRunbookActionValue } from './encode-runbook-action-value.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { RUNBOOK_ACTION_IDS, RUNBOOK_BLOCK_IDS } from './runbook-action-ids.ts';
import { runbookCountdown } from './runbook-countdown.ts';
import { runbookMention } from './runbook-mention.ts';
import { runbookStepCode } from './runbook-step-code.ts';
import { runbookStepTitle } from './runbook-step-title.ts';
import { truncateText } from './truncate-text.ts';

const STATE_TEXT = {
  pending: '⏳ waiting for approvals',
  granted: '✅ approved',
  denied: '❌ rejected',
  expired: '⌛ expired — request approval again',
} as const;

/**
 * The approval card, posted in the incident thread and edited in place as decisions arrive
 * (re-render it from `loadRunView` with the current time for the countdown): for each step that
 * needs approval, what exactly it runs, its risk, who may approve (groups and their members) and
 * how many are needed, who approved so far, and its Approve/Reject buttons
 * (`causeway_run_approve_<step>` / `causeway_run_reject_<step>`, value
 * `{"r": runId, "s": step, "h": stepHash}` — the approval binds to that hash). Steps that are
 * settled lose their buttons; a finished or cancelled run shows no buttons at all.
 */
export function buildApprovalCardBlocks(view: RunView, now: number): ChatMessage {
  const { run, plan } = view;
  const open = run.status === 'proposed' || run.status === 'running';
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncateText(`🔐 Approval: ${plan.title}`, 150), emoji: true },
    },
  ];
  const requests = [...view.approvals.values()];
  const pending = requests.filter((a) => a.request.state === 'pending').map((a) => a.request.expiresAt);
  const requester = requests[0]?.request.requestedBy;
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: [
          `${escapeMrkdwn(run.incidentId)} · run \`${escapeMrkdwn(run.id)}\``,
          requester ? `requested by ${runbookMention(requester)} (who cannot approve)` : undefined,
          pending.length > 0 ? runbookCountdown(Math.min(...pending), now) : undefined,
          open ? undefined : `run ${run.status}`,
        ]
          .filter(Boolean)
          .join(' · '),
      },
    ],
  });
  const free: string[] = [];
  for (const s of plan.steps) {
    if (!s.approval) {
      free.push(`${s.index + 1}. ${escapeMrkdwn(s.name)} (${s.risk})`);
      continue;
    }
    if (blocks.length > 44) break;
    const a = view.approvals.get(s.index);
    const status = run.steps[s.index]?.status;
    const state = a ? STATE_TEXT[a.request.state] : '· not requested yet';
    const who = s.approval.from
      .map((g) => {
        const members = (view.approverGroups[g] ?? []).slice(0, 8).map(runbookMention).join(' ');
        return `*${escapeMrkdwn(g)}*${members ? ` (${members})` : ''}`;
      })
      .join(', ');
    const tally = a
      ? `${a.tally.approvers.length} of ${a.request.required}${a.tally.approvers.length ? `: ${a.tally.approvers.map(runbookMention).join(' ')}` : ''}${
          a.tally.rejecters.length ? ` · rejected by ${a.tally.rejecters.map(runbookMention).join(' ')}` : ''
        }`
      : `0 of ${s.approval.min}`;
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncateText(
          `${runbookStepTitle(s, plan.steps)}\n${runbookStepCode(s, 1800)}\n*Approvals:* ${tally} · ${state}${
            status && status !== 'awaiting-approval' && status !== 'pending' ? ` · step ${status}` : ''
          }\n*May approve:* ${who}`,
          3000,
        ),
      },
    });
    if (open && a?.request.state === 'pending' && a.request.expiresAt > now && status === 'awaiting-approval') {
      const value = encodeRunbookActionValue({ runId: run.id, step: s.index, stepHash: a.request.stepHash });
      const actions: ActionsBlock = {
        type: 'actions',
        block_id: `${RUNBOOK_BLOCK_IDS.approvalActionsPrefix}${s.index}`,
        elements: [
          {
            type: 'button',
            action_id: `${RUNBOOK_ACTION_IDS.approvePrefix}${s.index}`,
            text: { type: 'plain_text', text: truncateText(`✅ Approve ${s.index + 1}`, 75), emoji: true },
            value,
            style: 'primary',
          },
          {
            type: 'button',
            action_id: `${RUNBOOK_ACTION_IDS.rejectPrefix}${s.index}`,
            text: { type: 'plain_text', text: truncateText(`Reject ${s.index + 1}`, 75), emoji: true },
            value,
            style: 'danger',
          },
        ],
      };
      blocks.push(actions);
    }
  }
  if (free.length > 0)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncateText(`Runs without approval: ${free.join(' · ')}`, 3000) }],
    });
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Each approval is bound to the hash of the step shown and used once; one rejection cancels the run.',
      },
    ],
  });
  const waiting = requests.filter((a) => a.request.state === 'pending').length;
  const text = open
    ? `Approval ${waiting > 0 ? 'needed' : 'settled'}: ${plan.title} (${escapeMrkdwn(run.incidentId)})`
    : `${plan.title}: run ${run.status}`;
  return { text: truncateText(text, 3000), blocks };
}
