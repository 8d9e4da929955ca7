import type { Hypothesis } from '../model/hypothesis.ts';
import type { Runbook } from './runbook.ts';

/** A runbook that fits an incident: for which hypothesis (its rank, 1 = top) and why, in a few words. */
export type RunbookOffer = {
  readonly runbook: Runbook;
  readonly hypothesis: Hypothesis | undefined;
  readonly rank: number | undefined;
  readonly why: string;
};
