import type { EffectJournal } from '../../core/storage/effect-journal.ts';
import type { IncidentStore } from '../../core/storage/incident-store.ts';
import { investigationId } from './investigation-id.ts';

/**
 * At start-up, after `recoverUnfinished`: the open incidents that have no triage result yet and
 * whose investigation never ran (the process stopped between accepting the alert and claiming)
 * or ended with an unknown outcome (it stopped mid-way). Returns what to investigate, with the
 * attempt number to claim. Nothing accepted is left uninvestigated.
 */
export async function resumeInvestigations(
  deps: { readonly incidents: IncidentStore; readonly effects: EffectJournal },
  limit = 200,
): Promise<{ readonly incidentId: string; readonly attempt: number }[]> {
  const out: { incidentId: string; attempt: number }[] = [];
  for (const incident of await deps.incidents.list({ status: 'open', limit })) {
    if (await deps.incidents.latestTriage(incident.id)) continue;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const e = await deps.effects.get(investigationId(incident.id, attempt));
      if (!e) {
        out.push({ incidentId: incident.id, attempt });
        break;
      }
      if (e.state !== 'outcome-unknown') break;
    }
  }
  return out;
}
