import type { Result } from '../result/result.ts';
import type { ParamValues } from './param-value.ts';
import type { RenderedAction } from './rendered-action.ts';
import type { Risk } from './risk.ts';
import type { RunbookProblem } from './runbook-problem.ts';

/**
 * The pure half of an executor: what its `with` arguments may be, how risky that is, and how they
 * become exactly what will run. The running half (adapters/executors) only ever sees the rendered
 * action, so what was shown and approved is what runs. Problem paths are relative to `with`.
 */
export type ExecutorDefinition = {
  readonly name: string;
  readonly summary: string;
  /** The least risk a step with these arguments may declare (e.g. `kubectl rollout undo` is high). */
  risk(args: Readonly<Record<string, unknown>>): Risk;
  /** Load-time checks: shape, fields that must be literal, allowlists. Empty: valid. */
  check(args: Readonly<Record<string, unknown>>): RunbookProblem[];
  /** The action with the parameters filled in, checked again as it will run. */
  render(args: Readonly<Record<string, unknown>>, params: ParamValues): Result<RenderedAction, RunbookProblem[]>;
};
