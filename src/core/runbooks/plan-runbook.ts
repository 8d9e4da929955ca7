import type { CausewayError } from '../errors/causeway-error.ts';
import type { Result } from '../result/result.ts';
import type { ExecutorDefinition } from './executor-definition.ts';
import type { ParamContext } from './param-context.ts';
import { renderPlan } from './render-plan.ts';
import { resolveParams } from './resolve-params.ts';
import type { RunPlan } from './run-plan.ts';
import type { Runbook } from './runbook.ts';

function fieldOf(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * A runbook's plan for given parameters and context (the alert and hypothesis): every parameter
 * resolved and checked, every step rendered exactly as it would run. All problems are reported in
 * one `RUNBOOK_PARAMS_INVALID` message. Pure: nothing runs and nothing is stored (a dry run).
 */
export function planRunbook(
  runbook: Runbook,
  given: Readonly<Record<string, string>>,
  ctx: ParamContext,
  executors: ReadonlyMap<string, ExecutorDefinition>,
): Result<RunPlan, CausewayError> {
  const params = resolveParams(runbook, given, ctx);
  if (!params.ok)
    return {
      ok: false,
      error: {
        code: 'RUNBOOK_PARAMS_INVALID',
        message: `${runbook.id}: ${params.error.map((p) => `${p.param} ${p.message}`).join('; ')}`,
      },
    };
  const plan = renderPlan(runbook, params.value, executors);
  if (!plan.ok)
    return {
      ok: false,
      error: {
        code: 'RUNBOOK_PARAMS_INVALID',
        message: `${runbook.id}: ${plan.error.map((p) => `${fieldOf(p.path)}: ${p.message}`).join('; ')}`,
      },
    };
  return plan;
}
