import { dataShortfall } from '../../core/revision/data-shortfall.ts';
import { type TriageIncidentDeps, triageIncident } from './triage-incident.ts';

/**
 * At start-up: re-triages of late data are timers, lost with the process that set them. They are
 * found again from what is stored: every open incident whose newest triage's data ended more than
 * `lateData.minGapMs` before its as-of time, and whose re-triages (counted from when that triage
 * was saved) are not all past, gets the next one at its time. It runs headless (the chat message
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
    const elapsed = deps.now() - triage.createdAt;
    const next = late.afterMs.findIndex((at) => at > elapsed);
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
