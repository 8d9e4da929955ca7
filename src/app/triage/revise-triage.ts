import type { TriageReport } from '../../core/model/triage-report.ts';
import type { RankingRevision } from '../../core/revision/ranking-revision.ts';
import { reviseRanking } from '../../core/revision/revise-ranking.ts';
import type { SourcesOrigin } from '../../core/sources/triage-sources.ts';
import { rankingAuditData } from './ranking-audit-data.ts';
import type { TriageIncidentDeps } from './triage-incident.ts';

/**
 * A re-triage's result against the triage it re-reads: when the leading hypothesis or the
 * confidence changed, it is saved (the newest triage) and audited as `hypotheses.revised` with the
 * previous and current top, how much more data, and the new ranking. Unchanged: nothing is written.
 */
export async function reviseTriage(
  deps: Pick<TriageIncidentDeps, 'incidents' | 'audit' | 'now'>,
  input: {
    readonly incidentId: string;
    readonly previous: TriageReport;
    readonly read: { readonly report: TriageReport; readonly origin: SourcesOrigin };
    readonly revision: number;
  },
): Promise<{ readonly change: RankingRevision; readonly version: number } | undefined> {
  const { incidentId } = input;
  const { report, origin } = input.read;
  const change = reviseRanking(input.previous, report, input.revision);
  if (!change) return undefined;
  const saved = await deps.incidents.saveTriage(incidentId, { at: deps.now(), report, origin });
  const side = (s: RankingRevision['previous']) => ({
    top: s.top ?? null,
    confidence: s.confidence,
    dataTo: new Date(s.dataTo).toISOString(),
  });
  await deps.audit.append({
    actor: 'system',
    action: 'hypotheses.revised',
    subject: `incident:${incidentId}`,
    data: {
      incidentId,
      revision: change.revision,
      version: saved.version,
      previous: side(change.previous),
      current: side(change.current),
      moreDataSeconds: Math.round(change.moreDataMs / 1000),
      ...rankingAuditData(report, origin),
    },
  });
  return { change, version: saved.version };
}
