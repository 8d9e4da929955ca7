import type { SourceStatus } from '../model/source-status.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { IncidentView, SourceProgress } from './incident-view.ts';

/** A settled source's status as progress. */
export function sourceProgressOf(s: SourceStatus): SourceProgress {
  if (s.state === 'ok') return { state: 'ok' };
  if (s.state === 'no-data') return s.detail ? { state: 'no-data', detail: s.detail } : { state: 'no-data' };
  return { state: 'failed', detail: s.detail };
}

/** Every source as a triage's result left it. */
export function progressOfReport(report: TriageReport): IncidentView['progress'] {
  return {
    logs: sourceProgressOf(report.sources.logs),
    traces: sourceProgressOf(report.sources.traces),
    changes: sourceProgressOf(report.sources.changes),
  };
}
