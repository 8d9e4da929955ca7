import type { TriageReport } from '../model/triage-report.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The JSON of `causeway triage --json` (bundle spec: `{asOf, hypotheses: [{id, service, kind,
 * changeId?, score, evidence}]}`), plus reasons, windows, sources and a confidence word.
 */
export function triageReportJson(r: TriageReport): Record<string, unknown> {
  return {
    asOf: iso(r.asOf),
    confidence: r.confidence,
    summary: r.summary,
    alerts: r.alerts.map((a) => ({
      name: a.name,
      service: a.service ?? null,
      status: a.status,
      startsAt: iso(a.startsAt),
      fingerprint: a.fingerprint,
    })),
    windows: {
      baseline: { from: iso(r.windows.baseline.from), to: iso(r.windows.baseline.to) },
      incident: { from: iso(r.windows.incident.from), to: iso(r.windows.incident.to) },
      onset: iso(r.windows.onset),
      onsetReason: r.windows.onsetReason,
    },
    sources: r.sources,
    hypotheses: r.hypotheses.map((h) => ({
      id: h.id,
      service: h.service,
      kind: h.kind,
      ...(h.changeId ? { changeId: h.changeId } : {}),
      score: h.score,
      ...(h.probability !== undefined ? { probability: h.probability } : {}),
      evidence: h.evidence,
      reasons: h.reasons,
    })),
  };
}
