import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { SourceStatus } from '../../core/model/source-status.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { Result } from '../../core/result/result.ts';
import type { SourcesOrigin } from '../../core/sources/triage-sources.ts';
import type { Incident } from '../../core/storage/incident-store.ts';
import { rankHypotheses } from '../../core/triage/rank-hypotheses.ts';
import { investigate } from '../investigate.ts';
import type { TriageIncidentDeps } from './triage-incident.ts';

/**
 * Opens the sources for an incident's alerts, investigates at its as-of time (a recording's own
 * time and alerts when the sources are a bundle), adds the evidence links and closes the sources.
 * A bundle line that cannot be read fails it (INPUT_INVALID, naming file and line).
 */
export async function readIncident(
  deps: Pick<TriageIncidentDeps, 'sources' | 'options' | 'telemetry'>,
  input: {
    readonly incident: Incident;
    readonly alerts: readonly Alert[];
    readonly lookbackMs?: number;
    readonly onProgress?: (source: 'logs' | 'traces' | 'changes', status: SourceStatus) => void;
  },
): Promise<Result<{ readonly report: TriageReport; readonly origin: SourcesOrigin }, CausewayError>> {
  const { incident } = input;
  const opened = await deps.sources.open(input.alerts);
  if (!opened.ok) return opened;
  const src = opened.value;
  let report: TriageReport;
  try {
    report = await investigate(
      {
        ...(src.logs ? { logs: src.logs } : {}),
        ...(src.traces ? { traces: src.traces } : {}),
        ...(src.changes ? { changes: src.changes } : {}),
        ...(src.metrics ? { metrics: src.metrics } : {}),
        options: input.lookbackMs ? { ...deps.options, lookbackMs: input.lookbackMs } : deps.options,
        rank: (features, a, o) =>
          deps.telemetry.spanSync('causeway.rank', { 'causeway.incident_id': incident.id }, () =>
            rankHypotheses(features, a, o),
          ),
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      },
      src.alerts ?? input.alerts,
      src.asOf ?? incident.asOf,
    );
    report = src.link ? src.link(report) : report;
  } finally {
    await src.close();
  }
  if (src.origin.kind === 'bundle') {
    for (const r of Object.values(report.sources)) {
      if (r.state === 'failed' && r.code === 'INPUT_INVALID')
        return { ok: false, error: { code: 'INPUT_INVALID', message: `${r.detail} (bundle ${src.origin.dir})` } };
    }
  }
  return { ok: true, value: { report, origin: src.origin } };
}
