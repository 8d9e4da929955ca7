import type { ChatMessage } from './block-kit.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { truncateText } from './truncate-text.ts';

/**
 * A short message (mrkdwn, already escaped by the caller): one section, the same text as fallback.
 * Used for ephemeral answers, errors and thread notes.
 */
export function buildNoticeMessage(mrkdwn: string, fallback = mrkdwn): ChatMessage {
  return {
    text: truncateText(fallback, SLACK_LIMITS.fallbackText),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncateText(mrkdwn, SLACK_LIMITS.sectionText) } }],
  };
}
