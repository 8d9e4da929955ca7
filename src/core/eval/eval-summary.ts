import type { EvalCase } from './eval-case.ts';

/** The spec's evaluation output: AC@k, Avg@5, kind and change accuracy at 1, and triage times. */
export type EvalSummary = {
  readonly n: number;
  readonly ac1: number;
  readonly ac3: number;
  readonly avg5: number;
  readonly kindAt1: number;
  /** Over the cases whose truth names a change; null when there are none. */
  readonly changeAt1: number | null;
  /**
   * Expected calibration error of the top hypothesis' probability (10 equal-width bins): how far
   * "p ≈ 70%" is from being right 70% of the time. null when no case has a probability.
   */
  readonly ece: number | null;
  readonly p50ms: number;
  readonly p95ms: number;
  readonly cases: readonly EvalCase[];
};
