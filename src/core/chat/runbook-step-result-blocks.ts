import type { StepResult } from '../runbooks/step-result.ts';
import type { ChatMessage } from './block-kit.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { truncateText } from './truncate-text.ts';

const ICON: Partial<Record<StepResult['status'], string>> = { succeeded: '✅', failed: '❌' };

/** One executed step, streamed into the thread: outcome, duration, exit status, the end of its output, the stored output's hash. */
export function buildRunbookStepResultBlocks(result: StepResult): ChatMessage {
  const s = result.step;
  const role = s.role === 'verify' ? 'Verify' : s.role === 'rollback' ? 'Rollback' : 'Step';
  const head = `${ICON[result.status] ?? '•'} *${role} ${s.index + 1}. ${escapeMrkdwn(s.name)}* — ${result.status} in ${(
    result.durationMs / 1000
  ).toFixed(
    1,
  )} s${result.exitCode !== undefined ? ` (${s.uses === 'http' || s.uses === 'elasticsearch' ? 'HTTP' : 'exit'} ${result.exitCode})` : ''}`;
  const excerpt = escapeMrkdwn(result.excerpt).replace(/```/g, '`\u200b`\u200b`');
  return {
    text: truncateText(`${role} ${s.index + 1} ${s.name}: ${result.status} — ${result.summary}`, 3000),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncateText(
            `${head}\n${escapeMrkdwn(result.summary)}${excerpt ? `\n\`\`\`${truncateText(excerpt, 2400)}\`\`\`` : ''}`,
            3000,
          ),
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `run \`${escapeMrkdwn(result.runId)}\` · step hash \`${s.hash.slice(0, 19)}…\`${result.outputHash ? ` · output \`${result.outputHash.slice(0, 19)}…\` (audit log)` : ''}${result.timedOut ? ' · timed out' : ''}`,
          },
        ],
      },
    ],
  };
}
