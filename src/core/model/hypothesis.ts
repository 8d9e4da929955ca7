import type { Evidence } from './evidence.ts';
import type { FaultKind } from './fault-kind.ts';
import type { ScoreReason } from './score-reason.ts';

/** A ranked root-cause candidate: the service, what kind of fault, the change to blame if any, and why. */
export type Hypothesis = {
  readonly id: string;
  readonly service: string;
  readonly kind: FaultKind;
  readonly changeId?: string;
  /** Sum of the reasons' points. */
  readonly score: number;
  /** Calibrated probability that this is the root cause (set by the ranking; absent for baselines). */
  readonly probability?: number;
  readonly evidence: readonly Evidence[];
  readonly reasons: readonly ScoreReason[];
};
