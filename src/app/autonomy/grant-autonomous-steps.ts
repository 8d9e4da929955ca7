import type { Run } from '../../core/storage/run-store.ts';
import type { LoadedRun } from '../runbooks/decode-run.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';
import { grantSteps } from './grant-steps.ts';

/**
 * The gates stand in for people: every step of the run that belongs to an autonomous step (the
 * step, its verify and rollback steps) and needs approval is granted by `system`, bound to its
 * rendered hash (`grantSteps`), so it runs through the same exactly-once execution (re-rendered
 * and compared before it runs). Returns the run after.
 */
export async function grantAutonomousSteps(
  deps: Pick<AutonomyDeps, 'runs' | 'audit' | 'catalog' | 'policy' | 'now'>,
  loaded: LoadedRun,
): Promise<Run> {
  const { run, plan } = loaded;
  const runbook = deps.catalog.get(run.runbook);
  const autonomous = plan.steps
    .filter((s) => {
      const mainId = s.parent === undefined ? s.id : plan.steps[s.parent]?.id;
      return runbook?.steps.find((x) => x.id === mainId)?.autonomy === 'autonomous';
    })
    .map((s) => s.index);
  return grantSteps(deps, loaded, autonomous, 'system', 'autonomy');
}
