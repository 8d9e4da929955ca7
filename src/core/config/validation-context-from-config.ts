import type { ExecutorDefinition } from '../runbooks/executor-definition.ts';
import type { RunbookValidationContext } from '../runbooks/runbook-validation-context.ts';
import type { Config } from './config-schema.ts';

/** What validating runbooks needs, from `runbooks.*` and the executor definitions. */
export function validationContextFromConfig(
  config: Readonly<Config>,
  executors: ReadonlyMap<string, ExecutorDefinition>,
): RunbookValidationContext {
  const r = config.runbooks;
  return {
    executors,
    approverGroups: Object.keys(r.approval.groups),
    defaultFrom: r.approval.defaultFrom,
    highRiskMin: r.approval.highRiskMin,
    defaultTimeoutMs: r.defaultTimeoutSeconds * 1000,
    maxTimeoutMs: r.maxTimeoutSeconds * 1000,
    maxParamLength: r.maxParamLength,
  };
}
