import type { ApprovalPolicy } from '../../core/runbooks/approval-policy.ts';
import { approverEligibility } from '../../core/runbooks/approver-eligibility.ts';
import type { RunbookCatalog } from '../../core/runbooks/runbook-catalog.ts';

/** Whether a Slack user is in one of `groups` (default: any approver group), directly or through a user group. */
export function isApprover(
  policy: ApprovalPolicy,
  user: string,
  userGroups: readonly string[],
  groups: readonly string[] = Object.keys(policy.groups),
): boolean {
  return approverEligibility({ user, userGroups, requirement: { min: 1, from: groups }, excluded: [], policy }).ok;
}

/**
 * Whether a Slack user may act on a runbook's autonomous run (stop it, undo it): one of the groups
 * its steps need approval from, or of any approver group when its steps name none.
 */
export function isRunbookApprover(
  deps: { readonly policy: ApprovalPolicy; readonly catalog: RunbookCatalog },
  runbookId: string,
  user: string,
  userGroups: readonly string[],
): boolean {
  const groups = [...new Set(deps.catalog.get(runbookId)?.steps.flatMap((s) => s.approval?.from ?? []) ?? [])];
  return isApprover(deps.policy, user, userGroups, groups.length > 0 ? groups : undefined);
}
