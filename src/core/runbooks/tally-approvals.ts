import type { AuditActor } from '../audit/audit-actor.ts';
import type { ApprovalDecision } from '../storage/run-store.ts';

/** Where an approval stands: who said yes and no (distinct people), and whether it is decided. */
export type ApprovalTally = {
  readonly approvers: readonly AuditActor[];
  readonly rejecters: readonly AuditActor[];
  readonly required: number;
  /** One rejection decides: the request is denied. */
  readonly outcome: 'pending' | 'granted' | 'denied';
};

/** Counts the decisions recorded for the requested hash (others do not count). */
export function tallyApprovals(
  decisions: readonly ApprovalDecision[],
  stepHash: string,
  required: number,
): ApprovalTally {
  const valid = decisions.filter((d) => d.stepHash === stepHash);
  const approvers = [...new Set(valid.filter((d) => d.decision === 'granted').map((d) => d.approver))];
  const rejecters = [...new Set(valid.filter((d) => d.decision === 'denied').map((d) => d.approver))];
  const outcome = rejecters.length > 0 ? 'denied' : approvers.length >= required ? 'granted' : 'pending';
  return { approvers, rejecters, required, outcome };
}
