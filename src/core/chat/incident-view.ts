import type { Narrative } from '../model/narrative.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { RankingRevision } from '../revision/ranking-revision.ts';
import type { RunbookSuggestion } from '../runbooks/runbook-suggestion.ts';
import type { SeenBeforeMatch } from '../seen-before/seen-before-match.ts';

/** One source's progress in the message: waiting, reading, done, nothing there, or failed (why). */
export type SourceProgress =
  | { readonly state: 'running' }
  | { readonly state: 'ok' }
  | { readonly state: 'no-data'; readonly detail?: string }
  | { readonly state: 'failed'; readonly detail: string };

/** The 👍/👎 votes on the leading hypothesis, and who voted last. */
export type FeedbackTally = {
  readonly right: number;
  readonly wrong: number;
  readonly last?: { readonly user: string; readonly verdict: 'confirmed' | 'rejected' };
};

/**
 * Everything the incident message shows, at one moment: the message is a pure function of this
 * (`buildIncidentMessage`), re-rendered and edited in place as it changes.
 */
export type IncidentView = {
  readonly incidentId: string;
  readonly alertName: string;
  readonly service: string | undefined;
  /** When the triage started (epoch ms). */
  readonly startedAt: number;
  /** The Slack user who asked (slash command), else the alert started it. */
  readonly requestedBy?: string;
  readonly progress: Readonly<Record<'logs' | 'traces' | 'changes', SourceProgress>>;
  /** The result, once the triage is done. */
  readonly report?: TriageReport;
  /** The triage could not run at all: why, and what to do. */
  readonly failure?: string;
  /** The LLM's narrative slot (absent without an LLM). */
  readonly narrative?: Narrative;
  /** Alert notifications that belong to this incident (storms and re-notifications join). */
  readonly notifications: number;
  readonly runbooks: readonly RunbookSuggestion[];
  readonly feedback?: FeedbackTally;
  readonly resolved: boolean;
  /** Past resolved incidents like this one (their people-confirmed causes weigh in the ranking: applySeenBefore). */
  readonly seenBefore?: readonly SeenBeforeMatch[];
  /** Earned autonomy's kill switch in force (who paused it, why): shown on the message while it holds. */
  readonly autonomyPaused?: string;
  /** The result was revised by a re-triage with late data: shown as a note under the summary. */
  readonly revised?: RankingRevision;
};
