import type { ErrorCode } from '../../core/errors/error-codes.ts';
import type { ApprovalTally } from '../../core/runbooks/tally-approvals.ts';
import type { Run } from '../../core/storage/run-store.ts';

/** Why a decision was refused (each refusal is audited as `approval.refused`). */
export type ApprovalRefusal =
  | 'unknown-run'
  | 'no-approval-needed'
  | 'no-request'
  | 'not-pending'
  | 'expired'
  | 'hash-mismatch'
  | 'step-changed'
  | 'requester'
  | 'not-approver'
  | 'already-decided';

/**
 * What became of an Approve/Reject click: recorded (with the request's state after it: still
 * pending, granted — the step may run — or denied — the run is cancelled), or refused with a code
 * and a sentence for the person.
 */
export type ApprovalDecisionOutcome =
  | {
      readonly outcome: 'recorded';
      readonly state: 'pending' | 'granted' | 'denied';
      readonly tally: ApprovalTally;
      readonly run: Run;
    }
  | {
      readonly outcome: 'refused';
      readonly reason: ApprovalRefusal;
      readonly code: ErrorCode;
      readonly message: string;
    };
