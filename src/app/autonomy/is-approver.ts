import type { ApprovalPolicy } from '../../core/runbooks/approval-policy.ts';
import { approverEligibility } from '../../core/runbooks/approver-eligibility.ts';

/** Whether a Slack user is in one of `groups` (default: any approver group), directly or through a user group. */
export function isApprover(
  policy: ApprovalPolicy,
  user: string,
  userGroups: readonly string[],
  groups: readonly string[] = Object.keys(policy.groups),
): boolean {
  return approverEligibility({ user, userGroups, requirement: { min: 1, from: groups }, excluded: [], policy }).ok;
}
