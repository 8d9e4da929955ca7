import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { ChatMessage } from '../../core/llm/chat-message.ts';
import { estimateCost } from '../../core/llm/estimate-cost.ts';
import { estimateTokens } from '../../core/llm/estimate-tokens.ts';
import { llmCallRecord } from '../../core/llm/llm-call-record.ts';
import type { LlmCallMeta, LlmClient, LlmOutcome } from '../../core/llm/llm-client.ts';
import type { JsonValue } from '../../core/model/json-value.ts';
import { incidentSpend } from './incident-spend.ts';
import type { LlmDeps } from './llm-deps.ts';

export type ModelCall<T> =
  | { readonly ok: true; readonly value: T; readonly meta: LlmCallMeta; readonly costUsd: number }
  | {
      readonly ok: false;
      readonly error: CausewayError;
      readonly meta: LlmCallMeta | undefined;
      readonly costUsd: number;
      /** Set when the incident's budget refused the call (no request was made). */
      readonly budget?: 'incident-tokens' | 'incident-cost';
    };

/**
 * One model request under the incident's budget, recorded in the audit log: refused (no request)
 * when the incident's tokens or cost are spent; otherwise made, then `llm.called` is appended with
 * the prompt hash, model, tokens, latency, cost and response hash (full texts when enabled).
 */
export async function callModel<T>(
  deps: LlmDeps & { readonly llm: LlmClient },
  call: {
    readonly incidentId: string;
    readonly purpose: 'narrate' | 'follow-up';
    readonly prompt: { readonly id: string; readonly version: number; readonly hash: string };
    readonly messages: readonly ChatMessage[];
    readonly extra?: (value: T | undefined) => Readonly<Record<string, JsonValue>>;
  },
  run: () => Promise<LlmOutcome<T>>,
): Promise<ModelCall<T>> {
  const s = deps.settings;
  let spent: { tokens: number; costUsd: number };
  try {
    spent = await incidentSpend(deps.audit, call.incidentId);
  } catch (e) {
    return { ok: false, error: storageError(e), meta: undefined, costUsd: 0 };
  }
  const next = estimateTokens(call.messages);
  if (spent.tokens + next > s.maxTokensPerIncident)
    return refuse(
      'incident-tokens',
      `incident ${call.incidentId} has used ${spent.tokens} tokens; this call (~${next}) would pass llm.budget.maxTokensPerIncident (${s.maxTokensPerIncident})`,
    );
  if (s.maxCostPerIncidentUsd > 0 && spent.costUsd >= s.maxCostPerIncidentUsd)
    return refuse(
      'incident-cost',
      `incident ${call.incidentId} has used an estimated $${spent.costUsd.toFixed(4)} of llm.budget.maxCostPerIncidentUsd ($${s.maxCostPerIncidentUsd})`,
    );
  const outcome = await run();
  const costUsd = estimateCost(outcome.meta.inputTokens, outcome.meta.outputTokens, s.pricing);
  if (deps.audit) {
    try {
      await deps.audit.append({
        actor: 'llm',
        action: 'llm.called',
        subject: `incident:${call.incidentId}`,
        data: llmCallRecord({
          incidentId: call.incidentId,
          purpose: call.purpose,
          prompt: call.prompt,
          endpoint: deps.llm.endpoint,
          messages: call.messages,
          meta: outcome.meta,
          costUsd,
          outcome: outcome.ok ? 'ok' : outcome.error.code,
          storeFullText: s.storeFullText,
          ...(call.extra ? { extra: call.extra(outcome.ok ? outcome.value : undefined) } : {}),
        }),
      });
    } catch (e) {
      return { ok: false, error: storageError(e), meta: outcome.meta, costUsd };
    }
  }
  return outcome.ok
    ? { ok: true, value: outcome.value, meta: outcome.meta, costUsd }
    : { ok: false, error: outcome.error, meta: outcome.meta, costUsd };
}

function refuse<T>(budget: 'incident-tokens' | 'incident-cost', message: string): ModelCall<T> {
  return { ok: false, error: { code: 'LLM_BUDGET_EXCEEDED', message }, meta: undefined, costUsd: 0, budget };
}

function storageError(e: unknown): CausewayError {
  return {
    code: 'STORAGE_UNAVAILABLE',
    message: `the audit log could not be read or written for an LLM call: ${e instanceof Error ? e.message : String(e)}`,
  };
}
