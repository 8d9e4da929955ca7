import type { z } from 'zod';
import type { CausewayError } from '../errors/causeway-error.ts';
import type { ChatMessage, ToolCall } from './chat-message.ts';

/** What one model request cost and returned, success or not (tokens spent on a failure still count). */
export type LlmCallMeta = {
  readonly model: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly latencyMs: number;
  /** Requests made, retries included. */
  readonly attempts: number;
  /** How structured output was asked for. */
  readonly method: 'jsonSchema' | 'functionCalling' | 'tools';
  /** The raw reply (content, or tool calls as JSON), for hashing and the audit log. */
  readonly responseText: string;
};

export type LlmOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly meta: LlmCallMeta }
  | { readonly ok: false; readonly error: CausewayError; readonly meta: LlmCallMeta };

/** A tool the model may call: name, description and a zod object schema for its arguments. */
export type ToolSpec = { readonly name: string; readonly description: string; readonly parameters: z.ZodType };

/**
 * The model port. Implementations talk to an OpenAI-compatible endpoint; expected failures
 * (timeout, rate limit, unreachable, output not matching the schema) are values, never throws.
 */
export type LlmClient = {
  readonly model: string;
  /** Where requests go, for the audit log (scheme, host and path; never credentials). */
  readonly endpoint: string;
  /** One request whose reply must match `schema` (json_schema, or a forced function call as fallback). */
  structured<T>(req: {
    readonly messages: readonly ChatMessage[];
    readonly schema: z.ZodType<T>;
    readonly name: string;
    readonly description: string;
    readonly signal: AbortSignal;
  }): Promise<LlmOutcome<T>>;
  /** One request offering tools; `toolChoice` may force one. */
  withTools(req: {
    readonly messages: readonly ChatMessage[];
    readonly tools: readonly ToolSpec[];
    readonly toolChoice: 'auto' | { readonly name: string };
    readonly signal: AbortSignal;
  }): Promise<LlmOutcome<{ readonly text: string; readonly toolCalls: readonly ToolCall[] }>>;
};
