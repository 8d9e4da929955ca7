import type { StopReason } from '../../core/llm/stop-reason.ts';

/** The mutable state of one follow-up loop: what it used, whether it must answer now, and why it stopped. */
export type LoopState = {
  readonly usage: { toolCalls: number; modelCalls: number; tokens: number; readonly startedAt: number };
  stopped: StopReason | undefined;
  mustAnswer: boolean;
};
