import type { AuditRecord } from '../../core/audit/audit-record.ts';

/** One line per `llm.called` record: what the audit log keeps of each call (prompt, model, tokens, latency, cost, hashes). */
export function formatLlmCalls(records: readonly AuditRecord[]): string {
  return records
    .filter((r) => r.action === 'llm.called')
    .map((r) => {
      const d = r.data as Record<string, unknown>;
      const h = (v: unknown) => String(v).slice(0, 19);
      return `  audit llm.called: ${d.promptId} v${d.promptVersion} ${h(d.promptHash)}… model ${d.model} (${d.method}), ${d.outcome}, ${d.inputTokens}+${d.outputTokens} tokens, ${d.latencyMs} ms, $${d.costUsd}, response ${h(d.responseHash)}…\n`;
    })
    .join('');
}
