import type { AuditActor } from '../audit/audit-actor.ts';
import type { JsonObject } from '../model/json-value.ts';

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
  | 'cancelled'
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
  /** What the feature stored with the run at `create` (the runbook plan), byte for byte; undefined when none. */
  readonly plan: JsonObject | undefined;
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
    /** The plan to keep with the run (stored as canonical JSON text). */
    readonly plan?: JsonObject;
  }): Promise<Run>;
  get(id: string): Promise<Run | undefined>;
  /** Oldest first. */
  list(incidentId: string): Promise<Run[]>;
  setStatus(id: string, status: RunStatus, at: number): Promise<Run | undefined>;
  /**
   * Conditional: sets the run's status only while it is one of `from` (atomically, across
   * replicas). Undefined when the run is unknown or was not in `from` (someone else moved it).
   */
  transitionRun(id: string, from: readonly RunStatus[], to: RunStatus, at: number): Promise<Run | undefined>;
  updateStep(runId: string, index: number, patch: StepPatch): Promise<Run | undefined>;
  /**
   * Conditional: applies the patch only while the step's status is one of `from` (atomically,
   * across replicas): of concurrent callers moving a step out of a status, exactly one gets the
   * run back; the others get undefined (as for an unknown run or step).
   */
  transitionStep(runId: string, index: number, from: readonly StepStatus[], patch: StepPatch): Promise<Run | undefined>;
  /** Asks (or asks again, after expiry or denial) for approval of a step; clears earlier decisions. */
  requestApproval(request: Omit<ApprovalRequest, 'state'>): Promise<ApprovalRequest>;
  approval(runId: string, stepIndex: number): Promise<ApprovalRequest | undefined>;
  decide(
    decision: ApprovalDecision,
  ): Promise<{ readonly recorded: true } | { readonly recorded: false; readonly reason: DecisionRefusal }>;
  decisions(runId: string, stepIndex: number): Promise<ApprovalDecision[]>;
  /** Pending requests, oldest expiry first; with `expiresBy`, only those with `expiresAt <= expiresBy`. */
  pendingApprovals(expiresBy?: number): Promise<ApprovalRequest[]>;
  /** Moves a pending request to its outcome; false when it was not pending (someone else did). */
  settleApproval(
    runId: string,
    stepIndex: number,
    state: 'granted' | 'denied' | 'expired',
    at: number,
  ): Promise<boolean>;
};
