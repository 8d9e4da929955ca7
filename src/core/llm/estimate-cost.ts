import type { LlmPricing } from './llm-pricing.ts';

/** The estimated cost in US dollars of a call's tokens at the configured prices (rounded to 1e-6). */
export function estimateCost(inputTokens: number, outputTokens: number, p: LlmPricing): number {
  const usd = (inputTokens * p.inputPerMillionUsd + outputTokens * p.outputPerMillionUsd) / 1_000_000;
  return Math.round(usd * 1e6) / 1e6;
}
