/**
 * What the code fills into each prompt: a prompt file must use every slot listed here and no
 * other (checked at start-up, so a missing slot fails the start, not an incident).
 */
export const PROMPT_CONTRACTS = {
  narrate: {
    slots: ['alert', 'hypotheses', 'evidence'],
    purpose: 'the grounded narrative under the deterministic triage result',
  },
  'follow-up': {
    slots: ['alert', 'hypotheses', 'evidence', 'runbooks', 'question'],
    purpose: 'answers to follow-up questions in an incident thread (read-only tools)',
  },
} as const satisfies Record<string, { readonly slots: readonly string[]; readonly purpose: string }>;

export type PromptId = keyof typeof PROMPT_CONTRACTS;
