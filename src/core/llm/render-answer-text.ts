import type { Answer } from './answer.ts';

/** A follow-up answer as plain text (CLI): sentences with their citations, the queries made, the stop reason, a runbook pointer. */
export function renderAnswerText(a: Answer): string {
  const lines = a.sentences.map((s) => `  • ${s.text} [${[...s.evidenceIds, ...s.queryIds].join(', ')}]`);
  if (a.notice) lines.push(`  ${a.notice}`);
  for (const q of a.queries) if (!q.id.startsWith('-')) lines.push(`  ${q.id}: ${q.summary} (${q.status})`);
  if (a.refusedToolCalls.length)
    lines.push(`  refused (no such tool, nothing run): ${[...new Set(a.refusedToolCalls)].join(', ')}`);
  if (a.runbookId)
    lines.push(`  runbook that may fit: ${a.runbookId} (a pointer only; it still needs a proposal and approval)`);
  lines.push(
    `  (model ${a.model}, ${a.usage.modelCalls} model call(s), ${a.usage.toolCalls} tool call(s), ${a.usage.inputTokens}+${a.usage.outputTokens} tokens)`,
  );
  return `${lines.join('\n')}\n`;
}
