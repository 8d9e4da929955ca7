import type { ErrorCode } from '../../core/errors/error-codes.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { SourceStatus } from '../../core/model/source-status.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { RankingRevision } from '../../core/revision/ranking-revision.ts';
import type { SeenBeforeMatch } from '../../core/seen-before/seen-before-match.ts';
import type { Incident } from '../../core/storage/incident-store.ts';

/**
 * Why a triage stopped before it had a result: the sources did not open, a bundle is unreadable
 * (with the error's code), or something unexpected (no code).
 */
export type TriageProblem = { readonly code?: ErrorCode; readonly message: string };

/**
 * Who watches one incident's triage as `triageIncident` runs it (the chat: the incident message,
 * its edits, the result's runbooks, chart and narrative). The triage is the same with or without
 * one: it is claimed, read, ranked, saved and audited by the use-case, never by the observer.
 */
export type TriageObserver = {
  /**
   * Before any source is read. An observer that cannot show the triage at all (the chat refused the
   * message: not in the channel …) says so, and the triage stops there: nobody would see it.
   */
  started(input: {
    readonly incident: Incident;
    readonly alerts: readonly Alert[];
  }): Promise<{ readonly shown: true } | { readonly shown: false; readonly reason: string }>;
  /** A source settled (sources run in parallel; each is told once). */
  progress(source: 'logs' | 'traces' | 'changes', status: SourceStatus): void;
  /**
   * The triage is saved and audited: show it (and what follows it: runbooks, chart, narrative),
   * with the similar past incidents found (their confirmed causes already weighed in the report).
   */
  result(report: TriageReport, context: { readonly seenBefore: readonly SeenBeforeMatch[] }): Promise<void>;
  /** The triage stopped without a result. */
  failed(problem: TriageProblem): Promise<void>;
  /**
   * A re-triage with late data changed the ranking (saved and audited as `hypotheses.revised`):
   * show the new result in place of the old, saying what changed. Never called when nothing did.
   */
  revised?(report: TriageReport, revision: RankingRevision): Promise<void>;
};
