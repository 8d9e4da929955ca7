import type { LlmDeps } from '../../app/llm/llm-deps.ts';
import { narrate } from '../../app/llm/narrate.ts';
import { renderNarrativeText } from '../../core/llm/render-narrative-text.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { createMemoryLlmAudit } from './create-memory-llm-audit.ts';
import { formatLlmCalls } from './format-llm-calls.ts';

/**
 * The narrative section of the CLI demo: the grounded narrative, or why there is none (the
 * deterministic result above stands either way), and what each model call would put in the
 * audit log.
 */
export async function narrateForCli(deps: LlmDeps, incidentId: string, report: TriageReport): Promise<string> {
  const audit = deps.audit ?? createMemoryLlmAudit(deps.clock);
  const rule = '─'.repeat(78);
  let out = `${rule}\nIn plain words (narrative by ${deps.llm?.model ?? 'no model'} at ${deps.llm?.endpoint ?? '-'}):\n${rule}\n`;
  const n = await narrate({ ...deps, audit }, { incidentId, report });
  out += n.ok
    ? renderNarrativeText(n.value, report)
    : `  (no narrative: ${n.error.code}: ${n.error.message}; the deterministic result above stands)\n`;
  if ('records' in audit) out += formatLlmCalls((audit as ReturnType<typeof createMemoryLlmAudit>).records);
  return out;
}
