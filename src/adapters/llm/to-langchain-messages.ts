import { AIMessage, type BaseMessage, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import type { ChatMessage } from '../../core/llm/chat-message.ts';

/** Our chat messages as LangChain messages (system, human, AI with tool calls, tool results). */
export function toLangchainMessages(messages: readonly ChatMessage[]): BaseMessage[] {
  return messages.map((m) => {
    switch (m.role) {
      case 'system':
        return new SystemMessage(m.content);
      case 'user':
        return new HumanMessage(m.content);
      case 'assistant':
        return new AIMessage({
          content: m.content,
          tool_calls: m.toolCalls.map((t) => ({
            id: t.id,
            name: t.name,
            args: (t.args && typeof t.args === 'object' ? t.args : {}) as Record<string, unknown>,
            type: 'tool_call' as const,
          })),
        });
      default:
        return new ToolMessage({ content: m.content, tool_call_id: m.toolCallId, name: m.name });
    }
  });
}
