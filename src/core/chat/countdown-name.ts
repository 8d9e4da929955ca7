import type { RunPlan } from '../runbooks/run-plan.ts';

/** What an autonomous step's announcement calls it (`title`) and what earned it (`why`). */
export type CountdownName = { readonly title: string; readonly why: string };

/**
 * The one name an autonomous step goes by from its announcement through every countdown tick to
 * Stop, its run and Undo: the step as rendered ("Roll back checkout": it names what it acts on),
 * else the runbook's title; `why` names the runbook that earned it in shadow mode.
 */
export function countdownName(plan: Pick<RunPlan, 'title' | 'steps'>, step: number): CountdownName {
  return {
    title: plan.steps.find((s) => s.index === step)?.name ?? plan.title,
    why: `${plan.title}, earned in shadow mode`,
  };
}
