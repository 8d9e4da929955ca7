import type { TriageReport } from '../model/triage-report.ts';
import type { Narrative } from './narrative.ts';

/** The narrative as plain text (CLI, and the notification fallback): sentences with the evidence ids they cite. */
export function renderNarrativeText(n: Narrative, report: TriageReport): string {
  const known = new Set(report.hypotheses.flatMap((h) => h.evidence.map((e) => e.id)));
  const refs = (ids: readonly string[]) => ` [${ids.filter((id) => known.has(id)).join(', ')}]`;
  const lines = n.sentences.map((s) => `  • ${s.text}${refs(s.evidenceIds)}`);
  if (n.alsoSuggests.length) {
    lines.push('  The model also suggests (not part of the ranking):');
    for (const s of n.alsoSuggests) lines.push(`    – ${s.text}${refs(s.evidenceIds)}`);
  }
  const dropped = n.dropped.length ? `, ${n.dropped.length} uncited sentence(s) removed` : '';
  lines.push(
    `  (written by ${n.model}, prompt ${n.prompt.id} v${n.prompt.version}${dropped}; the ranking is Causeway's own)`,
  );
  return `${lines.join('\n')}\n`;
}
