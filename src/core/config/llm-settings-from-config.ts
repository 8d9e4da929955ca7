import type { LlmSettings } from '../llm/llm-settings.ts';
import type { Config } from './config-schema.ts';

/** The LLM features' settings from the validated configuration (`knownSecrets` are redacted from prompts too). */
export function llmSettingsFromConfig(config: Readonly<Config>, knownSecrets: readonly string[] = []): LlmSettings {
  const l = config.llm;
  return {
    narrateTimeoutMs: l.narrateTimeoutSeconds * 1000,
    maxTokensPerIncident: l.budget.maxTokensPerIncident,
    maxCostPerIncidentUsd: l.budget.maxCostPerIncidentUsd,
    pricing: {
      inputPerMillionUsd: l.pricing.inputPerMillionTokensUsd,
      outputPerMillionUsd: l.pricing.outputPerMillionTokensUsd,
    },
    followUp: {
      maxToolCalls: l.followUp.maxToolCalls,
      maxModelCalls: l.followUp.maxModelCalls,
      maxTokens: l.followUp.maxTokensPerQuestion,
      wallClockMs: l.followUp.timeoutSeconds * 1000,
      maxToolOutputChars: l.followUp.maxToolOutputChars,
      maxRepeats: 1,
    },
    context: {
      fields: l.send.fields,
      maxHypotheses: l.send.maxHypotheses,
      maxEvidencePerHypothesis: l.send.maxEvidencePerHypothesis,
    },
    redaction: {
      emails: l.redact.emails,
      ips: l.redact.ips,
      secrets: l.redact.secrets,
      patterns: l.redact.patterns,
      knownSecrets: [...knownSecrets, ...(l.apiKey ? [l.apiKey] : [])],
    },
    storeFullText: l.storeFullText,
    narrative: { maxSentences: 6, maxSuggestions: 2 },
  };
}
