import type { Result } from '../result/result.ts';
import type { ExecutorDefinition } from './executor-definition.ts';
import type { RenderedStep } from './rendered-step.ts';
import type { ResolvedParams } from './resolve-params.ts';
import type { RunPlan } from './run-plan.ts';
import type { Runbook, RunbookStep } from './runbook.ts';
import type { RunbookProblem } from './runbook-problem.ts';
import { stepHash } from './step-hash.ts';
import { fillTemplate } from './template.ts';

/**
 * Renders every step of a runbook with resolved parameters, exactly as it would run, in run order
 * (each main step followed by its verify step, then its rollback steps), each with its hash.
 * Pure: the same runbook and parameters always give the same plan and hashes, which is how a step
 * is re-rendered and compared before it runs.
 */
export function renderPlan(
  runbook: Runbook,
  params: ResolvedParams,
  executors: ReadonlyMap<string, ExecutorDefinition>,
): Result<RunPlan, RunbookProblem[]> {
  const problems: RunbookProblem[] = [];
  const steps: RenderedStep[] = [];
  const render = (
    s: RunbookStep,
    role: RenderedStep['role'],
    parent: { index: number; id: string } | undefined,
    path: readonly (string | number)[],
  ): number => {
    const def = executors.get(s.uses);
    const index = steps.length;
    const r = def
      ? def.render(s.with, params.values)
      : { ok: false as const, error: [{ path: ['uses'], message: `unknown executor "${s.uses}"` }] };
    if (!r.ok) {
      for (const p of r.error)
        problems.push({ path: [...path, ...(p.path[0] === 'uses' ? [] : ['with']), ...p.path], message: p.message });
      return index;
    }
    const base = {
      id: s.id,
      role,
      parent: parent?.index,
      name: fillTemplate(s.name, params.values),
      uses: s.uses,
      risk: s.risk,
      approval: s.approval,
      timeoutMs: s.timeoutMs,
      onFailure: s.onFailure,
      action: r.value.action,
    };
    steps.push({ ...base, index, display: r.value.display, hash: stepHash(runbook.id, base, parent?.id) });
    return index;
  };
  runbook.steps.forEach((s, i) => {
    const index = render(s, 'main', undefined, ['steps', i]);
    const parent = { index, id: s.id };
    if (s.verify) render(s.verify, 'verify', parent, ['steps', i, 'verify']);
    s.rollback.forEach((r, j) => {
      render(r, 'rollback', parent, ['steps', i, 'rollback', j]);
    });
  });
  if (problems.length > 0) return { ok: false, error: problems };
  return {
    ok: true,
    value: { runbookId: runbook.id, title: runbook.title, params: params.values, paramSources: params.sources, steps },
  };
}
