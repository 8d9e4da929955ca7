/** A tool call the model asked for: its id (to answer it), the tool's name and the parsed arguments. */
export type ToolCall = { readonly id: string; readonly name: string; readonly args: unknown };

/** One message of a chat with a model, independent of any client library. */
export type ChatMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string; readonly toolCalls: readonly ToolCall[] }
  | { readonly role: 'tool'; readonly toolCallId: string; readonly name: string; readonly content: string };
