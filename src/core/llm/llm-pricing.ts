/** Prices used for cost estimates (config `llm.pricing`), in US dollars per million tokens. */
export type LlmPricing = { readonly inputPerMillionUsd: number; readonly outputPerMillionUsd: number };
