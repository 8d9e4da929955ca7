import type { TriageReport } from '../../core/model/triage-report.ts';

/** A follow-up question from an incident thread. All text in it is untrusted and is fenced as data. */
export type FollowUpInput = {
  readonly incidentId: string;
  readonly report: TriageReport;
  readonly question: string;
  /** Who asked (e.g. a Slack user id); recorded, and shown to the model as data. */
  readonly asker?: string;
  /** Earlier messages of the thread, oldest first (at most the last 10 are sent). */
  readonly thread?: readonly { readonly author: string; readonly text: string }[];
  /** Where "the last N minutes" end (epoch ms); default: the end of the triage's incident window. */
  readonly anchor?: number;
  readonly signal?: AbortSignal;
};
