import type { FaultKind } from '../src/core/model/fault-kind.ts';

/** What `causeway simulate` was asked for. */
export type SimulateOptions = {
  readonly out: string;
  readonly count: number;
  readonly seed: number;
  /** All bundles of this kind; absent: cycle through every kind. */
  readonly kind?: FaultKind;
  /** All bundles on this topology family; absent: a seeded mix of families and random topologies. */
  readonly topology?: string;
  /** Every deploy bundle releases 1–3 other healthy services within the same minute. */
  readonly concurrentRollouts?: boolean;
};
