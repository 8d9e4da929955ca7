import type { ExecutorDefinition } from './executor-definition.ts';

/** What checking a runbook needs beyond its text: the executors and the approval policy's names and limits. */
export type RunbookValidationContext = {
  readonly executors: ReadonlyMap<string, ExecutorDefinition>;
  /** The configured approver group names. */
  readonly approverGroups: readonly string[];
  /** Groups that approve a step naming none. */
  readonly defaultFrom: readonly string[];
  readonly highRiskMin: number;
  readonly defaultTimeoutMs: number;
  readonly maxTimeoutMs: number;
  readonly maxParamLength: number;
  /** false only to read runbooks (see ExecutorSettings.checkAllowlists): approver group names are not checked. */
  readonly checkApproverGroups?: boolean;
};
