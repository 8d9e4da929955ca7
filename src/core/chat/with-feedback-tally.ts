import type { Block } from './block-kit.ts';
import { buildFeedbackBlock } from './build-feedback-block.ts';
import { CHAT_IDS } from './chat-ids.ts';
import type { FeedbackTally } from './incident-view.ts';

/**
 * The blocks of a posted incident message with the feedback line set to `tally`: replaces the
 * feedback block, or inserts it before the buttons. Works on the blocks Slack sends back with a
 * button click, so a vote updates the message without any state kept in memory.
 */
export function withFeedbackTally(blocks: readonly Block[], tally: FeedbackTally): Block[] {
  const line = buildFeedbackBlock(tally);
  const out = blocks.filter((b) => b.block_id !== CHAT_IDS.blocks.feedback);
  const at = out.findIndex((b) => b.block_id === CHAT_IDS.blocks.actions);
  out.splice(at < 0 ? out.length : at, 0, line);
  return out;
}
