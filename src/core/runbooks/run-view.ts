import type { ApprovalRequest, Run } from '../storage/run-store.ts';
import type { RunPlan } from './run-plan.ts';
import type { ApprovalTally } from './tally-approvals.ts';

/** A run as the chat shows it: the stored run, its plan, and each requested approval with its tally. */
export type RunView = {
  readonly run: Run;
  readonly plan: RunPlan;
  /** By step index, for the steps whose approval was requested. */
  readonly approvals: ReadonlyMap<number, { readonly request: ApprovalRequest; readonly tally: ApprovalTally }>;
  /** The members of the approver groups the plan names (Slack user and user group ids). */
  readonly approverGroups: Readonly<Record<string, readonly string[]>>;
};
