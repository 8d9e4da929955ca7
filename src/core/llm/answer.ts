import type { DroppedSentence } from './narrative.ts';
import type { StopReason } from './stop-reason.ts';

/** One read-only query the follow-up agent made (cited as `Q1` …), described for the thread. */
export type AnswerQuery = {
  readonly id: string;
  readonly tool: string;
  readonly args: Readonly<Record<string, string | number | null>>;
  readonly status: 'ok' | 'no-data' | 'failed' | 'invalid';
  readonly summary: string;
};

/**
 * The answer to a follow-up question: grounded sentences (each citing evidence ids of the triage
 * report and/or query ids), the queries made, an optional pointer to a catalog runbook (which
 * still needs a proposal and approval), and, when a budget stopped the loop, why.
 */
export type Answer = {
  readonly sentences: readonly {
    readonly text: string;
    readonly evidenceIds: readonly string[];
    readonly queryIds: readonly string[];
  }[];
  readonly queries: readonly AnswerQuery[];
  readonly runbookId: string | undefined;
  readonly stopped: StopReason | undefined;
  /** A sentence from Causeway (not the model) to show when there is no complete answer. */
  readonly notice: string | undefined;
  readonly dropped: readonly DroppedSentence[];
  /** Names of tools the model asked for that do not exist (nothing was run). */
  readonly refusedToolCalls: readonly string[];
  readonly model: string;
  readonly prompt: { readonly id: string; readonly version: number; readonly hash: string };
  readonly usage: {
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly costUsd: number;
    readonly modelCalls: number;
    readonly toolCalls: number;
  };
};
