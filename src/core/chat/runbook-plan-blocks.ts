import type { RunPlan } from '../runbooks/run-plan.ts';
import type { Run } from '../storage/run-store.ts';
import type { ActionsBlock, Block, ChatMessage } from './block-kit.ts';
import { encodeRunbookActionValue } from './encode-runbook-action-value.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { RUNBOOK_ACTION_IDS, RUNBOOK_BLOCK_IDS } from './runbook-action-ids.ts';
import { runbookMention } from './runbook-mention.ts';
import { runbookStepCode } from './runbook-step-code.ts';
import { runbookStepTitle } from './runbook-step-title.ts';
import { truncateText } from './truncate-text.ts';

/** Steps shown in full (each takes two blocks; Slack allows 50 blocks a message). */
const SHOWN = 20;

/**
 * The plan card: every step exactly as it would run (the rendered argv, URL, query …), its risk,
 * the approval it needs and the start of its hash, and the resolved parameters with where each
 * came from. With a stored `run`: buttons "Request approval" (or "Run" when nothing needs
 * approval) and "Cancel", values `{"r": runId}`. Without one (a dry run): no buttons; `advisory`
 * says why (the runbook only proposes and explains).
 */
export function buildRunbookPlanBlocks(plan: RunPlan, run?: Run, incidentId?: string, advisory = false): ChatMessage {
  const needsApproval = plan.steps.some((s) => s.approval);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncateText(`📘 ${plan.title}`, 150), emoji: true } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: run
            ? `Plan for ${escapeMrkdwn(run.incidentId)} · run \`${escapeMrkdwn(run.id)}\` · proposed by ${runbookMention(run.proposedBy)} · ${run.status}`
            : advisory
              ? `Advisory${incidentId ? ` for ${escapeMrkdwn(incidentId)}` : ''}: what this runbook proposes and why — nothing can be run from here (run the steps by hand)`
              : `Dry run${incidentId ? ` for ${escapeMrkdwn(incidentId)}` : ''}: nothing runs, this is exactly what would`,
        },
      ],
    },
  ];
  const params = Object.entries(plan.params).map(
    ([k, v]) =>
      `\`${escapeMrkdwn(k)}\` = \`${escapeMrkdwn(String(v))}\` _(${escapeMrkdwn(plan.paramSources[k] ?? '')})_`,
  );
  if (params.length > 0)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncateText(`*Parameters*\n${params.join('\n')}`, 3000) },
    });
  for (const s of plan.steps.slice(0, SHOWN)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncateText(`${runbookStepTitle(s, plan.steps)}\n${runbookStepCode(s)}`, 3000) },
    });
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${s.uses} · timeout ${Math.round(s.timeoutMs / 1000)}s · on failure: ${s.onFailure} · hash \`${s.hash.slice(0, 19)}…\``,
        },
      ],
    });
  }
  if (plan.steps.length > SHOWN)
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `… and ${plan.steps.length - SHOWN} more steps (see causeway runbooks plan ${escapeMrkdwn(plan.runbookId)})`,
        },
      ],
    });
  if (run && (run.status === 'proposed' || run.status === 'running')) {
    const value = encodeRunbookActionValue({ runId: run.id });
    const actions: ActionsBlock = {
      type: 'actions',
      block_id: RUNBOOK_BLOCK_IDS.planActions,
      elements: [
        needsApproval
          ? {
              type: 'button',
              action_id: RUNBOOK_ACTION_IDS.requestApproval,
              text: { type: 'plain_text', text: '🔐 Request approval', emoji: true },
              value,
              style: 'primary',
            }
          : {
              type: 'button',
              action_id: RUNBOOK_ACTION_IDS.start,
              text: { type: 'plain_text', text: '▶️ Run (read-only)', emoji: true },
              value,
              style: 'primary',
            },
        {
          type: 'button',
          action_id: RUNBOOK_ACTION_IDS.cancel,
          text: { type: 'plain_text', text: 'Cancel', emoji: true },
          value,
          style: 'danger',
        },
      ],
    };
    blocks.push(actions);
  }
  const text = `Plan: ${plan.title} — ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}${needsApproval ? ', approval needed' : ', read-only'}`;
  return { text: truncateText(text, 3000), blocks };
}
