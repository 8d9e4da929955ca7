import type { Run } from '../storage/run-store.ts';
import type { RunPlan } from './run-plan.ts';

/** The plan stored with a run by `proposeRun`; undefined for runs made otherwise. */
export function runPlanOf(run: Run): RunPlan | undefined {
  const p = run.plan as unknown as Partial<RunPlan> | undefined;
  if (!p || typeof p.runbookId !== 'string' || !Array.isArray(p.steps) || typeof p.params !== 'object')
    return undefined;
  return p as RunPlan;
}
