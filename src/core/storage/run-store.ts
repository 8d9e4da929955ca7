import type { AuditActor } from '../audit/audit-actor.ts';

export type RunStatus = 'proposed' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'outcome-unknown';
export type StepStatus =
  | 'pending'
  | 'awaiting-approval'
  | 'approved'
  | 'denied'
  | 'expired'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'skipped'
  | 'outcome-unknown';

/** One rendered step of a run; `renderedHash` binds approvals to exactly what will run. */
export type RunStep = {
  readonly index: number;
  readonly name: string;
  readonly risk: 'low' | 'high';
  readonly renderedHash: string;
  readonly status: StepStatus;
  readonly exitCode: number | undefined;
  readonly outputHash: string | undefined;
  readonly startedAt: number | undefined;
  readonly finishedAt: number | undefined;
};

/** A runbook run: a plan for one incident and its steps' progress. */
export type Run = {
  readonly id: string;
  readonly incidentId: string;
  readonly runbook: string;
  readonly proposedBy: AuditActor;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly status: RunStatus;
  readonly steps: readonly RunStep[];
};

export type StepPatch = {
  readonly status: StepStatus;
  readonly at: number;
  readonly exitCode?: number;
  readonly outputHash?: string;
  readonly startedAt?: number;
  readonly finishedAt?: number;
};

/** An approval asked for one step: `required` distinct approvers before `expiresAt`. */
export type ApprovalRequest = {
  readonly runId: string;
  readonly stepIndex: number;
  readonly stepHash: string;
  readonly requestedBy: AuditActor;
  readonly required: number;
  readonly requestedAt: number;
  readonly expiresAt: number;
  readonly state: 'pending' | 'granted' | 'denied' | 'expired';
};

export type ApprovalDecision = {
  readonly runId: string;
  readonly stepIndex: number;
  readonly stepHash: string;
  readonly approver: AuditActor;
  readonly decision: 'granted' | 'denied';
  readonly at: number;
};

/** Why a decision was not recorded. */
export type DecisionRefusal = 'no-request' | 'already-decided' | 'hash-mismatch' | 'not-pending';

/**
 * Runbook runs, their steps and approvals. The policy (N of M, requester is not an approver,
 * expiry) belongs to the runbook feature; the store records atomically: one decision per
 * approver per step, a decision only for the step hash that was requested.
 */
export type RunStore = {
  create(run: {
    readonly id: string;
    readonly incidentId: string;
    readonly runbook: string;
    readonly proposedBy: AuditActor;
    readonly at: number;
    readonly steps: readonly { readonly name: string; readonly risk: 'low' | 'high'; readonly renderedHash: string }[];
  }): Promise<Run>;
  get(id: string): Promise<Run | undefined>;
  /** Oldest first. */
  list(incidentId: string): Promise<Run[]>;
  setStatus(id: string, status: RunStatus, at: number): Promise<Run | undefined>;
  updateStep(runId: string, index: number, patch: StepPatch): Promise<Run | undefined>;
  /** Asks (or asks again, after expiry or denial) for approval of a step; clears earlier decisions. */
  requestApproval(request: Omit<ApprovalRequest, 'state'>): Promise<ApprovalRequest>;
  approval(runId: string, stepIndex: number): Promise<ApprovalRequest | undefined>;
  decide(
    decision: ApprovalDecision,
  ): Promise<{ readonly recorded: true } | { readonly recorded: false; readonly reason: DecisionRefusal }>;
  decisions(runId: string, stepIndex: number): Promise<ApprovalDecision[]>;
  /** Moves a pending request to its outcome; false when it was not pending (someone else did). */
  settleApproval(
    runId: string,
    stepIndex: number,
    state: 'granted' | 'denied' | 'expired',
    at: number,
  ): Promise<boolean>;
};
