import type { RunPlan } from '../runbooks/run-plan.ts';
import type { Run } from '../storage/run-store.ts';
import type { ChatMessage } from './block-kit.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { truncateText } from './truncate-text.ts';

const HEAD: Readonly<Record<Run['status'], string>> = {
  proposed: '📘 proposed',
  running: '▶️ running',
  succeeded: '✅ succeeded',
  failed: '❌ failed',
  cancelled: '🚫 cancelled',
  'outcome-unknown':
    '⚠️ outcome unknown — Causeway stopped while a step ran; it is not re-run: check the target and decide',
};

/** The run's outcome in one message (closes the loop in the thread): final status and each step's. */
export function buildRunbookRunSummaryBlocks(run: Run, plan: RunPlan): ChatMessage {
  const lines = run.steps.map((s) => {
    const p = plan.steps[s.index];
    return `${s.index + 1}. ${escapeMrkdwn(p?.name ?? s.name)} — ${s.status}${s.exitCode !== undefined ? ` (${s.exitCode})` : ''}`;
  });
  return {
    text: truncateText(`${plan.title}: ${run.status}`, 3000),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncateText(`*${escapeMrkdwn(plan.title)}* ${HEAD[run.status]}\n${lines.join('\n')}`, 3000),
        },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `run \`${escapeMrkdwn(run.id)}\` · ${escapeMrkdwn(run.incidentId)}` }],
      },
    ],
  };
}
