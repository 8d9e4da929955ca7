import type { IncidentCase } from '../core/incident-case.ts';
import type { TriageReport } from '../core/model/triage-report.ts';
import { type InvestigateDeps, investigate } from './investigate.ts';

/** `investigate` of an opened incident (a bundle, or one seeded into Elasticsearch): its sources, alerts and as-of. */
export function investigateCase(
  c: IncidentCase,
  deps: Pick<InvestigateDeps, 'options' | 'rank' | 'onProgress'>,
): Promise<TriageReport> {
  return investigate(
    { logs: c.logs, traces: c.traces, changes: c.changes, ...(c.metrics ? { metrics: c.metrics } : {}), ...deps },
    c.alerts,
    c.asOf,
  );
}
