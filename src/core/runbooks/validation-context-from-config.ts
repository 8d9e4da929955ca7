import type { Config } from '../config/config-schema.ts';
import type { ExecutorDefinition } from './executor-definition.ts';
import type { RunbookValidationContext } from './runbook-validation-context.ts';

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
