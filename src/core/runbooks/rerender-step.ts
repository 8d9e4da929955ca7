import type { Result } from '../result/result.ts';
import type { ExecutorDefinition } from './executor-definition.ts';
import { renderPlan } from './render-plan.ts';
import type { RenderedStep } from './rendered-step.ts';
import type { RunPlan } from './run-plan.ts';
import type { RunbookCatalog } from './runbook-catalog.ts';

/**
 * Renders a planned step again from the current catalog and the run's stored parameters, as
 * execution does before running it. The caller compares the hash with the approved one; a
 * runbook that is gone or no longer renders is a reason, not a step.
 */
export function rerenderStep(
  catalog: RunbookCatalog,
  executors: ReadonlyMap<string, ExecutorDefinition>,
  plan: RunPlan,
  index: number,
): Result<RenderedStep, string> {
  const runbook = catalog.get(plan.runbookId);
  if (!runbook) return { ok: false, error: `the runbook ${plan.runbookId} is no longer in the catalog` };
  const again = renderPlan(runbook, { values: plan.params, sources: plan.paramSources }, executors);
  if (!again.ok) return { ok: false, error: `the runbook ${plan.runbookId} no longer renders with these parameters` };
  const step = again.value.steps[index];
  const before = plan.steps[index];
  if (!step || !before || step.id !== before.id)
    return { ok: false, error: `the runbook ${plan.runbookId} no longer has this step` };
  return { ok: true, value: step };
}
