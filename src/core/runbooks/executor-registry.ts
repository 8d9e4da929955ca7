import type { ExecutorDefinition } from './executor-definition.ts';
import type { StepRunner } from './step-runner.ts';

/**
 * The executors by name: their definitions (validate and render) and runners (run). Built once at
 * start from the configuration; a runbook naming an executor not in it fails to load.
 */
export type ExecutorRegistry = {
  readonly definitions: ReadonlyMap<string, ExecutorDefinition>;
  readonly runners: ReadonlyMap<string, StepRunner>;
  /** Secret values the runners hold (from `runbooks.secretEnv`): removed from every output before it is kept. */
  readonly knownSecrets: readonly string[];
};
