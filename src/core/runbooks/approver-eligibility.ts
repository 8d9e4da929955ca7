import type { AuditActor } from '../audit/audit-actor.ts';
import type { ApprovalPolicy } from './approval-policy.ts';
import type { StepApproval } from './runbook.ts';

/** Why a person may not decide on a step. */
export type EligibilityRefusal = 'requester' | 'not-approver';

/**
 * Whether a Slack user may approve (or reject) a step: never the person who proposed the run or
 * requested the approval; otherwise a member of one of the step's approver groups, directly by
 * user id or through one of their Slack user groups (`userGroups`, the S… ids they belong to).
 * Returns the group that qualifies them.
 */
export function approverEligibility(input: {
  readonly user: string;
  readonly userGroups: readonly string[];
  readonly requirement: StepApproval;
  readonly excluded: readonly AuditActor[];
  readonly policy: ApprovalPolicy;
}): { readonly ok: true; readonly group: string } | { readonly ok: false; readonly reason: EligibilityRefusal } {
  if (input.excluded.includes(`slack:${input.user}`)) return { ok: false, reason: 'requester' };
  for (const g of input.requirement.from) {
    const members = input.policy.groups[g] ?? [];
    if (members.includes(input.user) || input.userGroups.some((s) => members.includes(s)))
      return { ok: true, group: g };
  }
  return { ok: false, reason: 'not-approver' };
}
