import type { FaultKind } from '../model/fault-kind.ts';
import type { Truth } from '../model/truth.ts';

export type EvalTop = {
  readonly service: string;
  readonly kind: FaultKind;
  readonly changeId?: string;
  readonly score: number;
  /** The calibrated probability that this is the root cause, when the ranking gives one. */
  readonly probability?: number;
  /** Points by rule (for fitting the calibration). */
  readonly rules?: Readonly<Record<string, number>>;
};

/** One scored bundle. `error` is set when the bundle could not be triaged (it then counts as a miss). */
export type EvalCase = {
  readonly id: string;
  readonly truth: Truth;
  readonly rank: number | null;
  readonly top: readonly EvalTop[];
  readonly ms: number;
  readonly error?: string;
};
