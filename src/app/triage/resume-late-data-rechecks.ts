import { dataShortfall } from '../../core/revision/data-shortfall.ts';
import type { AuditReader } from '../../core/storage/audit-log.ts';
import { type TriageIncidentDeps, triageIncident } from './triage-incident.ts';

/**
 * At start-up: re-triages of late data are timers, lost with the process that set them. They are
 * found again from what is stored: every open incident whose newest triage's data ended more than
 * `lateData.minGapMs` before its as-of time, and whose re-triages (counted from the chain's first
 * triage; a revision says which it was in its `hypotheses.revised` record) are not all past, gets
 * the next one at its time. It runs headless (the chat message
 * of a previous process cannot be edited); it is saved and audited like any other. Returns how
 * many were scheduled.
 */
export async function resumeLateDataRechecks(deps: TriageIncidentDeps, limit = 200): Promise<number> {
  const late = deps.lateData;
  if (!late || late.afterMs.length === 0) return 0;
  let scheduled = 0;
  for (const incident of await deps.incidents.list({ status: 'open', limit })) {
    const triage = await deps.incidents.latestTriage(incident.id);
    if (!triage || dataShortfall(triage.report) <= late.minGapMs) continue;
    // The chain's clock starts at its first triage: a newest triage that is the nth revision was
    // saved about afterMs[n − 1] after it, and only the re-triages after the nth are left.
    const revision = await revisionOf(deps.audit, incident.id, triage.version);
    const elapsed = deps.now() - triage.createdAt + (revision > 0 ? (late.afterMs[revision - 1] ?? 0) : 0);
    const next = late.afterMs.findIndex((at, k) => k >= revision && at > elapsed);
    const at = late.afterMs[next];
    if (at === undefined) continue;
    const shown = triage.report;
    late.later.after(at - elapsed, `retriage:${incident.id}`, async () => {
      await triageIncident(deps, { incidentId: incident.id, recheck: { revision: next + 1, shown } });
    });
    scheduled++;
  }
  return scheduled;
}

/** Which re-triage saved this version of an incident's triage (its `hypotheses.revised` record); 0 for a first triage. */
async function revisionOf(audit: AuditReader, incidentId: string, version: number): Promise<number> {
  const records = await audit.query({ incidentId });
  const r = records.findLast((x) => x.action === 'hypotheses.revised' && x.data.version === version);
  return typeof r?.data.revision === 'number' ? r.data.revision : 0;
}
