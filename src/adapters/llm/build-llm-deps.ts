import type { LlmDeps } from '../../app/llm/llm-deps.ts';
import type { Config } from '../../core/config/config-schema.ts';
import { llmSettingsFromConfig } from '../../core/config/llm-settings-from-config.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import { loadPrompts } from './load-prompts.ts';
import { openAiSettingsFromConfig } from './openai-settings-from-config.ts';

/**
 * Wires the LLM use-cases from the configuration: with no `llm.model` it returns deps whose `llm`
 * is undefined (nothing is loaded, no client is built, no request can be made); otherwise it
 * loads and validates the prompts (PROMPT_INVALID fails the start) and builds the client.
 */
export async function buildLlmDeps(
  config: Readonly<Config>,
  opts: {
    readonly promptsDir: string;
    readonly clock: () => number;
    readonly audit?: Pick<AuditLog, 'append' | 'query'>;
    readonly knownSecrets?: readonly string[];
  },
): Promise<Result<LlmDeps, CausewayError>> {
  const settings = llmSettingsFromConfig(config, opts.knownSecrets ?? []);
  const client = openAiSettingsFromConfig(config);
  const base = { settings, clock: opts.clock, ...(opts.audit ? { audit: opts.audit } : {}) };
  if (!client) return { ok: true, value: { ...base, llm: undefined, prompts: new Map() } };
  const prompts = await loadPrompts(opts.promptsDir);
  if (!prompts.ok) return prompts;
  // Loaded only when a model is configured, so commands without one never load LangChain.
  const { createOpenAiLlmClient } = await import('./create-openai-llm-client.ts');
  return { ok: true, value: { ...base, llm: createOpenAiLlmClient(client), prompts: prompts.value } };
}
