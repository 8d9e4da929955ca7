import type { TriageReport } from '../model/triage-report.ts';

/** How far before its as-of time a triage's data ends (ms; 0 when the data reaches it): ingest lag. */
export function dataShortfall(report: TriageReport): number {
  return Math.max(0, report.asOf - report.windows.incident.to);
}
