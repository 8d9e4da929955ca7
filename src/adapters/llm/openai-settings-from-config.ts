import type { Config } from '../../core/config/config-schema.ts';
import type { OpenAiClientSettings } from './openai-client-settings.ts';

/** The client settings from the configuration, or undefined when no model is configured (LLM off). */
export function openAiSettingsFromConfig(config: Readonly<Config>): OpenAiClientSettings | undefined {
  const l = config.llm;
  if (!l.model) return undefined;
  return {
    baseUrl: l.baseUrl,
    model: l.model,
    apiKey: l.apiKey,
    temperature: l.temperature,
    timeoutMs: l.timeoutSeconds * 1000,
    maxRetries: l.maxRetries,
    structuredOutput: l.structuredOutput,
    streaming: l.streaming,
    maxOutputTokens: l.maxOutputTokens,
  };
}
