import type { Result } from '../result/result.ts';
import type { ChatMessage } from './block-kit.ts';

/** A posted message: its channel and timestamp (Slack's message id). */
export type ChatRef = { readonly channel: string; readonly ts: string };

/** Why a chat call failed: Slack's error code (`not_in_channel`, `ratelimited`, …) and a sentence. */
export type ChatFailure = { readonly code: string; readonly message: string };

/**
 * The chat surface as the use-cases see it. The Slack adapter paces writes (at most one per second
 * per channel), coalesces edits of one message, waits out `429 Retry-After`, and returns Slack's
 * `ok: false` errors as values.
 */
export type ChatPort = {
  post(channel: string, message: ChatMessage, threadTs?: string): Promise<Result<ChatRef, ChatFailure>>;
  update(ref: ChatRef, message: ChatMessage): Promise<Result<ChatRef, ChatFailure>>;
  postEphemeral(
    channel: string,
    user: string,
    message: ChatMessage,
    threadTs?: string,
  ): Promise<Result<void, ChatFailure>>;
  uploadFile(
    channel: string,
    threadTs: string,
    file: { readonly bytes: Uint8Array; readonly filename: string; readonly title: string; readonly comment?: string },
  ): Promise<Result<{ readonly fileId: string }, ChatFailure>>;
};
