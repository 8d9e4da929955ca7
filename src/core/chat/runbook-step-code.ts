import type { RenderedStep } from '../runbooks/rendered-step.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { truncateText } from './truncate-text.ts';

/** What the step runs, exactly, as a code block (escaped; cut to fit a section). */
export function runbookStepCode(step: RenderedStep, max = 2500): string {
  const text = escapeMrkdwn(step.display.join('\n')).replace(/```/g, '`\u200b`\u200b`');
  return `\`\`\`${truncateText(text, max - 8)}\`\`\``;
}
