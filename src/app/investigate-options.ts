import { DEFAULT_ONSET_OPTIONS, type OnsetOptions } from '../core/triage/detect-onset.ts';
import { DEFAULT_RANK_OPTIONS, type RankOptions } from '../core/triage/rank-options.ts';

export type InvestigateOptions = {
  /** Data after asOf + grace is never read. */
  readonly graceMs: number;
  /** How far before asOf data is read. */
  readonly lookbackMs: number;
  readonly bucketMs: number;
  readonly sourceTimeoutMs: number;
  readonly onset: OnsetOptions;
  readonly rank: RankOptions;
};

export const DEFAULT_INVESTIGATE_OPTIONS: InvestigateOptions = {
  graceMs: 60_000,
  lookbackMs: 90 * 60_000,
  bucketMs: 10_000,
  sourceTimeoutMs: 30_000,
  onset: DEFAULT_ONSET_OPTIONS,
  rank: DEFAULT_RANK_OPTIONS,
};
