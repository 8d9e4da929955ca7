import type { TriageReport } from '../model/triage-report.ts';

/** One side of a revision: the leading hypothesis (`service (kind)`), the confidence, where the data ended. */
export type RankingSide = {
  readonly top: string | undefined;
  readonly topId: string | undefined;
  readonly confidence: TriageReport['confidence'];
  /** Where the incident window ended (the newest data read; epoch ms). */
  readonly dataTo: number;
};

/** How a re-triage with late data changed the ranking: what led before and now, and how much more data it read. */
export type RankingRevision = {
  /** 1 for the first re-triage, 2 for the second … */
  readonly revision: number;
  readonly previous: RankingSide;
  readonly current: RankingSide;
  /** How much further the data reached (ms; 0 or more). */
  readonly moreDataMs: number;
};
