import type { Demotion } from '../../core/autonomy/demotion.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';

/**
 * Trust is lost at once: the runbook goes back to supervised (only shadow records after now count
 * towards earning autonomy again). Audits `autonomy.demoted` the first time for a runbook,
 * incident and cause. Returns whether it was new.
 */
export async function demoteRunbook(deps: Pick<AutonomyDeps, 'autonomy' | 'audit'>, d: Demotion): Promise<boolean> {
  if (!(await deps.autonomy.demote(d))) return false;
  await deps.audit.append({
    actor: d.by,
    action: 'autonomy.demoted',
    subject: `runbook:${d.runbookId}`,
    data: { incidentId: d.incidentId, runbook: d.runbookId, cause: d.cause },
  });
  return true;
}
