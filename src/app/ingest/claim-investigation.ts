import type { EffectJournal } from '../../core/storage/effect-journal.ts';
import { investigationId } from './investigation-id.ts';

/**
 * Claims an incident's investigation through the store's effect journal: the first claim wins on
 * every replica (a unique row written with its `step.started` audit record); any later claim —
 * another replica, a re-delivered alert — returns false and runs nothing.
 */
export async function claimInvestigation(
  deps: { readonly effects: EffectJournal },
  incidentId: string,
  attempt = 1,
): Promise<boolean> {
  const r = await deps.effects.begin({
    id: investigationId(incidentId, attempt),
    kind: 'investigation',
    subject: `incident:${incidentId}`,
    actor: 'system',
    incidentId,
    intent: { incidentId, attempt },
  });
  return r.started;
}
