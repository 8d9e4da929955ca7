import type { AutonomyDeps } from '../autonomy/autonomy-deps.ts';
import { scoreShadowRecords } from '../autonomy/score-shadow-records.ts';

/** After a click moved a run (approved, rejected, ran, cancelled): the incident's shadow records are scored again. */
export async function afterRunAction(deps: AutonomyDeps, runId: string): Promise<void> {
  const run = await deps.runs.get(runId);
  if (run) await scoreShadowRecords(deps, { incidentId: run.incidentId });
}
