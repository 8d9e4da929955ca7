import type { ChatPort } from '../../core/chat/chat-port.ts';
import type { TimelineChartSpec } from '../../core/chat/timeline-chart-spec.ts';
import type { Narrative } from '../../core/model/narrative.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { RunbookFinder } from '../../core/runbooks/runbook-finder.ts';
import type { AuditLog } from '../../core/storage/audit-log.ts';
import type { TriageIncidentDeps } from '../triage/triage-incident.ts';
import type { IncidentBoard } from './incident-board.ts';

/** What showing a triage in chat needs (the incident message, its edits, and what follows the result). */
export type TriageViewDeps = {
  readonly chat: ChatPort;
  readonly audit: AuditLog;
  readonly runbooks: RunbookFinder;
  readonly board: IncidentBoard;
  /** Epoch ms. */
  readonly now: () => number;
  /** Renders the timeline chart PNG; without it no chart is posted. */
  readonly renderChart?: (spec: TimelineChartSpec) => Promise<Uint8Array>;
  /** The LLM narrative for the message's slot (optional; shown after the deterministic result). */
  readonly narrate?: (report: TriageReport, incidentId: string) => Promise<Narrative | undefined>;
  /**
   * After the result is shown (earned autonomy: shadow records, the autonomous step's stop window);
   * what it returns is shown on the incident message (autonomy paused).
   */
  readonly afterTriage?: (input: {
    readonly chat: ChatPort;
    readonly incidentId: string;
    readonly report: TriageReport;
    readonly channel: string;
    readonly threadTs: string;
  }) => Promise<string | undefined>;
};

/** What triaging an incident from chat needs: the triage use-case's ports and the chat view's. */
export type TriageDeps = TriageIncidentDeps &
  TriageViewDeps & {
    /** After an incident resolved (earned autonomy: its page resolved, its shadow records scored). */
    readonly afterResolve?: (incidentId: string) => Promise<void>;
  };
