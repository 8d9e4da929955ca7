import type { FaultKind } from '../core/model/fault-kind.ts';
import type { FeedbackStore } from '../core/storage/feedback-store.ts';
import type { IncidentStore } from '../core/storage/incident-store.ts';

/** Writes one evaluation case: the bundle's files copied to `caseDir`, with `truth.json` as given. */
export type CaseWriter = (
  bundleDir: string,
  caseDir: string,
  truth: { readonly service: string; readonly kind: FaultKind; readonly changeId?: string; readonly note: string },
) => Promise<void>;

export type ExportedCase =
  | { readonly incidentId: string; readonly caseDir: string }
  | { readonly incidentId: string; readonly skipped: string };

/**
 * Turns confirmed feedback into evaluation cases: for each incident where people confirmed (👍)
 * a hypothesis more often than they rejected it, and whose triage came from an incident bundle,
 * the bundle is written again under `outDir/<incident id>` with `truth.json` naming the confirmed
 * hypothesis (service, kind, change). Incidents triaged from live data are listed as skipped.
 */
export async function exportFeedbackCases(
  deps: { readonly incidents: IncidentStore; readonly feedback: FeedbackStore; readonly write: CaseWriter },
  outDir: string,
): Promise<ExportedCase[]> {
  const out: ExportedCase[] = [];
  for (const incident of [
    ...(await deps.incidents.list({ status: 'open', limit: 10_000 })),
    ...(await deps.incidents.list({ status: 'resolved', limit: 10_000 })),
  ]) {
    const votes = await deps.feedback.list(incident.id);
    const score = new Map<string, number>();
    for (const v of votes)
      if (v.hypothesisId)
        score.set(
          v.hypothesisId,
          (score.get(v.hypothesisId) ?? 0) + (v.verdict === 'confirmed' ? 1 : v.verdict === 'rejected' ? -1 : 0),
        );
    const best = [...score.entries()].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1])[0];
    if (!best) continue;
    const triage = await deps.incidents.latestTriage(incident.id);
    const origin = triage?.origin;
    if (origin?.kind !== 'bundle') {
      out.push({ incidentId: incident.id, skipped: 'triaged from live data, not from a bundle' });
      continue;
    }
    const h = triage?.report.hypotheses.find((x) => x.id === best[0]);
    if (!h) {
      out.push({ incidentId: incident.id, skipped: `hypothesis ${best[0]} is not in the latest triage` });
      continue;
    }
    const who = votes.filter((v) => v.hypothesisId === h.id && v.verdict === 'confirmed').map((v) => v.user);
    const caseDir = `${outDir.replace(/\/+$/, '')}/${incident.id}`;
    await deps.write(origin.dir, caseDir, {
      service: h.service,
      kind: h.kind,
      ...(h.changeId ? { changeId: h.changeId } : {}),
      note: `confirmed in chat by ${who.join(', ')} for incident ${incident.id} (${incident.title})`,
    });
    out.push({ incidentId: incident.id, caseDir });
  }
  return out;
}
