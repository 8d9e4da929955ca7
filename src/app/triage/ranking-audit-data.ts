import type { TriageReport } from '../../core/model/triage-report.ts';
import type { SourcesOrigin } from '../../core/sources/triage-sources.ts';

/** What the audit trail keeps of a ranking (`hypotheses.produced`, `hypotheses.revised`): its confidence, origin and top ten. */
export function rankingAuditData(report: TriageReport, origin: SourcesOrigin) {
  return {
    confidence: report.confidence,
    origin: origin.kind === 'bundle' ? `bundle:${origin.id}` : origin.name,
    hypotheses: report.hypotheses
      .slice(0, 10)
      .map((h) => ({ id: h.id, service: h.service, kind: h.kind, score: h.score })),
  };
}
