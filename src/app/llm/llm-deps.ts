import type { LlmClient } from '../../core/llm/llm-client.ts';
import type { LlmSettings } from '../../core/llm/llm-settings.ts';
import type { PromptSet } from '../../core/llm/prompt-set.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';

/**
 * What the LLM use-cases need. `llm` undefined means no model is configured: the use-cases then
 * return LLM_DISABLED at once and no request is ever attempted.
 */
export type LlmDeps = {
  readonly llm: LlmClient | undefined;
  readonly prompts: PromptSet;
  readonly settings: LlmSettings;
  /** Epoch milliseconds, for wall-clock budgets. */
  readonly clock: () => number;
  /** Every call is recorded as `llm.called`; per-incident budgets are summed from these records. */
  readonly audit?: Pick<AuditLog, 'append' | 'query'>;
};
