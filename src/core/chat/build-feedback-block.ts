import type { ContextBlock } from './block-kit.ts';
import { CHAT_IDS } from './chat-ids.ts';
import type { FeedbackTally } from './incident-view.ts';

/** The feedback line: votes so far and who voted last (a Slack mention, which Slack renders as a name). */
export function buildFeedbackBlock(tally: FeedbackTally): ContextBlock {
  const last = tally.last
    ? ` — last: <@${tally.last.user}> said ${tally.last.verdict === 'confirmed' ? 'right' : 'wrong'}`
    : '';
  return {
    type: 'context',
    block_id: CHAT_IDS.blocks.feedback,
    elements: [
      { type: 'mrkdwn', text: `Feedback on the leading hypothesis: 👍 ${tally.right} · 👎 ${tally.wrong}${last}` },
    ],
  };
}
