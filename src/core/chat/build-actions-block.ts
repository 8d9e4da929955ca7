import type { RunbookSuggestion } from '../runbooks/runbook-suggestion.ts';
import type { ActionsBlock, ButtonElement } from './block-kit.ts';
import { CHAT_IDS } from './chat-ids.ts';
import { encodeActionValue } from './encode-action-value.ts';
import { truncateText } from './truncate-text.ts';

/**
 * The buttons: 👍 right / 👎 wrong (about `hypothesisId`, the leading hypothesis), more evidence,
 * the timeline, and one per matching runbook (at most 5).
 */
export function buildActionsBlock(
  incidentId: string,
  hypothesisId: string | undefined,
  runbooks: readonly RunbookSuggestion[],
): ActionsBlock {
  const value = encodeActionValue({ incidentId, ...(hypothesisId ? { hypothesisId } : {}) });
  const button = (action_id: string, text: string, v: string, style?: 'primary' | 'danger'): ButtonElement => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text: truncateText(text, 75), emoji: true },
    value: v,
    ...(style ? { style } : {}),
  });
  const elements: ButtonElement[] = [];
  if (hypothesisId) {
    elements.push(button(CHAT_IDS.actions.right, '👍 Right', value));
    elements.push(button(CHAT_IDS.actions.wrong, '👎 Wrong', value));
  }
  elements.push(button(CHAT_IDS.actions.moreEvidence, '🔎 More evidence', value));
  elements.push(button(CHAT_IDS.actions.timeline, '🕒 Timeline', value));
  runbooks.slice(0, 5).forEach((r, i) => {
    elements.push(
      button(
        `${CHAT_IDS.actions.runbookPrefix}${i}`,
        `📘 ${r.title}`,
        encodeActionValue({ incidentId, runbookId: r.id }),
        i === 0 ? 'primary' : undefined,
      ),
    );
  });
  return { type: 'actions', block_id: CHAT_IDS.blocks.actions, elements };
}
