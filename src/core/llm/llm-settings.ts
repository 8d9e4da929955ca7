import type { AgentLimits } from './agent-limits.ts';
import type { ContextLimits } from './build-incident-context.ts';
import type { LlmPricing } from './llm-pricing.ts';
import type { RedactionOptions } from './redaction-options.ts';

/** How the LLM features behave (from config `llm`); the client's own settings live with the adapter. */
export type LlmSettings = {
  /** Wall-clock limit of one narrative, retries included. */
  readonly narrateTimeoutMs: number;
  readonly maxTokensPerIncident: number;
  readonly maxCostPerIncidentUsd: number;
  readonly pricing: LlmPricing;
  readonly followUp: AgentLimits;
  readonly context: ContextLimits;
  readonly redaction: RedactionOptions;
  /** Put the full request and response texts in the audit log (stored by hash when large). */
  readonly storeFullText: boolean;
  readonly narrative: { readonly maxSentences: number; readonly maxSuggestions: number };
};
