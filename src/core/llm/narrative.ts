/** One sentence of the narrative and the evidence ids (of the triage report) it cites. */
export type NarrativeSentence = {
  readonly part: 'happening' | 'cause' | 'next';
  readonly text: string;
  readonly evidenceIds: readonly string[];
};

/** A sentence the grounding removed, and why. */
export type DroppedSentence = {
  readonly text: string;
  readonly reason: 'no-citation' | 'unknown-citation' | 'empty' | 'over-limit';
};

/**
 * The grounded narrative shown under the deterministic triage result. Every sentence cites
 * evidence ids the model was given; `alsoSuggests` is the clearly labelled "the model also
 * suggests…" note; the ranking is never part of it.
 */
export type Narrative = {
  readonly sentences: readonly NarrativeSentence[];
  readonly alsoSuggests: readonly { readonly text: string; readonly evidenceIds: readonly string[] }[];
  readonly dropped: readonly DroppedSentence[];
  readonly model: string;
  /** `narrate@<version>`, and the template's hash. */
  readonly prompt: { readonly id: string; readonly version: number; readonly hash: string };
  readonly usage: { readonly inputTokens: number; readonly outputTokens: number; readonly costUsd: number };
};
