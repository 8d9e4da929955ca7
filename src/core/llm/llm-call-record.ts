import { canonicalJson } from '../audit/canonical-json.ts';
import { contentHash } from '../audit/content-hash.ts';
import type { JsonValue } from '../model/json-value.ts';
import type { ChatMessage } from './chat-message.ts';
import type { LlmCallMeta } from './llm-client.ts';

export type LlmCallFacts = {
  readonly incidentId: string;
  readonly purpose: 'narrate' | 'follow-up';
  readonly prompt: { readonly id: string; readonly version: number; readonly hash: string };
  readonly endpoint: string;
  readonly messages: readonly ChatMessage[];
  readonly meta: LlmCallMeta;
  readonly costUsd: number;
  /** `ok`, or the error code. */
  readonly outcome: string;
  readonly storeFullText: boolean;
  readonly extra?: Readonly<Record<string, JsonValue>>;
};

/**
 * The `data` of one `llm.called` audit record: prompt id, version and hash, model, endpoint,
 * token counts, latency, cost estimate, request and response hashes, and — when enabled — the
 * full texts (the audit log stores large ones once, by hash).
 */
export function llmCallRecord(f: LlmCallFacts): Record<string, JsonValue> {
  const request = canonicalJson(f.messages as unknown as JsonValue);
  return {
    incidentId: f.incidentId,
    purpose: f.purpose,
    promptId: f.prompt.id,
    promptVersion: f.prompt.version,
    promptHash: f.prompt.hash,
    model: f.meta.model,
    endpoint: f.endpoint,
    method: f.meta.method,
    outcome: f.outcome,
    attempts: f.meta.attempts,
    inputTokens: f.meta.inputTokens,
    outputTokens: f.meta.outputTokens,
    latencyMs: Math.round(f.meta.latencyMs),
    costUsd: f.costUsd,
    requestHash: contentHash(request),
    responseHash: contentHash(f.meta.responseText),
    ...(f.storeFullText ? { requestText: request, responseText: f.meta.responseText } : {}),
    ...(f.extra ?? {}),
  };
}
