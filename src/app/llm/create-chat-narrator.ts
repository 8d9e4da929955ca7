import type { Narrative } from '../../core/llm/narrative.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { LlmDeps } from './llm-deps.ts';
import { narrate } from './narrate.ts';

/**
 * The narrative for the chat's slot, or nothing: `undefined` when no model is configured or the
 * call failed, timed out, was over budget or cited nothing (each already recorded in the audit
 * log). Pass the incident id so budgets and the audit timeline are per incident; without it the
 * alert fingerprint and triage time stand in.
 */
export function createChatNarrator(
  deps: LlmDeps,
): (report: TriageReport, incidentId?: string, signal?: AbortSignal) => Promise<Narrative | undefined> {
  return async (report, incidentId, signal) => {
    if (!deps.llm) return undefined;
    const id = incidentId ?? `${report.alerts[0]?.fingerprint ?? 'alert'}@${report.asOf}`;
    const r = await narrate(deps, { incidentId: id, report, ...(signal ? { signal } : {}) });
    return r.ok ? r.value : undefined;
  };
}
