import type { RunPlan } from './run-plan.ts';

/** The steps a new run of `plan` is stored with: each step's name, its risk for approval, its rendered hash. */
export function runStepsOf(
  plan: RunPlan,
): { readonly name: string; readonly risk: 'low' | 'high'; readonly renderedHash: string }[] {
  return plan.steps.map((s) => ({ name: s.name, risk: s.risk === 'high' ? 'high' : 'low', renderedHash: s.hash }));
}
