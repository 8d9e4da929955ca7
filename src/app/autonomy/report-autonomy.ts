import { lastDemotion } from '../../core/autonomy/demotion.ts';
import type { Pause } from '../../core/autonomy/pause.ts';
import { type RunbookStanding, runbookStanding } from '../../core/autonomy/runbook-eligibility.ts';
import { shadowTrack } from '../../core/autonomy/shadow-track.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';

/** Every runbook's shadow track record and whether it may run by itself (`causeway autonomy report`). */
export async function reportAutonomy(
  deps: Pick<AutonomyDeps, 'autonomy' | 'catalog' | 'settings'>,
): Promise<{ readonly standings: RunbookStanding[]; readonly pauses: Pause[] }> {
  const [records, demotions, pauses] = await Promise.all([
    deps.autonomy.shadows(),
    deps.autonomy.demotions(),
    deps.autonomy.pauses(),
  ]);
  const standings = [...deps.catalog.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((rb) =>
      runbookStanding(rb, shadowTrack(rb.id, records, lastDemotion(demotions, rb.id)), deps.settings, pauses),
    );
  return { standings, pauses };
}
