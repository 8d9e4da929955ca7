import type { TriageReport } from '../model/triage-report.ts';
import type { RankingRevision, RankingSide } from './ranking-revision.ts';

/**
 * Compares a triage with the one it re-reads (same incident, same as-of, later data): the
 * revision when the leading hypothesis (service, kind, change) or the confidence changed, else
 * undefined (nothing worth telling anyone).
 */
export function reviseRanking(
  previous: TriageReport,
  current: TriageReport,
  revision: number,
): RankingRevision | undefined {
  const before = sideOf(previous);
  const after = sideOf(current);
  if (before.topId === after.topId && before.confidence === after.confidence) return undefined;
  return { revision, previous: before, current: after, moreDataMs: Math.max(0, after.dataTo - before.dataTo) };
}

function sideOf(r: TriageReport): RankingSide {
  const top = r.hypotheses[0];
  return {
    top: top ? `${top.service} (${top.kind})` : undefined,
    topId: top ? `${top.service}/${top.kind}/${top.changeId ?? ''}` : undefined,
    confidence: r.confidence,
    dataTo: r.windows.incident.to,
  };
}
