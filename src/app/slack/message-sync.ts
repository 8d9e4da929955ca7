import type { ChatMessage } from '../../core/chat/block-kit.ts';
import type { ChatFailure, ChatPort, ChatRef } from '../../core/chat/chat-port.ts';

/** Keeps one posted message showing the latest content: edits are sent one at a time, and only the newest waits. */
export type MessageSync = {
  readonly ref: ChatRef;
  /** Shows `message` (replacing any edit still waiting to be sent). */
  show(message: ChatMessage): void;
  /** Resolves when everything shown so far has been sent (with the last failure, if any). */
  flush(): Promise<ChatFailure | undefined>;
};

/** Edits of one message, serialised and coalesced; `onSent` is told each edit Slack accepted (for the audit). */
export function createMessageSync(
  chat: ChatPort,
  ref: ChatRef,
  onSent: (message: ChatMessage) => Promise<void>,
): MessageSync {
  let waiting: ChatMessage | undefined;
  let running: Promise<void> | undefined;
  let lastFailure: ChatFailure | undefined;
  const pump = async () => {
    while (waiting) {
      const m = waiting;
      waiting = undefined;
      const r = await chat.update(ref, m);
      if (r.ok) {
        lastFailure = undefined;
        await onSent(m);
      } else lastFailure = r.error;
    }
    running = undefined;
  };
  return {
    ref,
    show(message) {
      waiting = message;
      running ??= pump();
    },
    async flush() {
      while (running) await running;
      return lastFailure;
    },
  };
}
