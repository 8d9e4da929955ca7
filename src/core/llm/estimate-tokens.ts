import type { ChatMessage } from './chat-message.ts';

/** A conservative token estimate (4 characters a token) used to refuse calls that would overrun a budget. */
export function estimateTokens(messages: readonly ChatMessage[]): number {
  let chars = 0;
  for (const m of messages) {
    chars += m.content.length + 8;
    if (m.role === 'assistant') chars += JSON.stringify(m.toolCalls).length;
  }
  return Math.ceil(chars / 4);
}
