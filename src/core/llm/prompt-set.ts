import type { PromptTemplate } from './prompt-template.ts';

/** The validated prompts, by id (`narrate`, `follow-up`). */
export type PromptSet = ReadonlyMap<string, PromptTemplate>;
