import { summarize } from '../stats/summarize.ts';
import { buildIncidentTimeline } from './build-incident-timeline.ts';
import type { IncidentFacts } from './incident-facts.ts';
import { rootCause } from './root-cause.ts';

export type IncidentStats = {
  readonly since: number;
  readonly incidents: number;
  readonly resolved: number;
  /** Medians (ms) over the incidents that reached the mark; undefined when none did. */
  readonly medianFirstHypothesisMs: number | undefined;
  readonly medianResolveMs: number | undefined;
  /** Incidents whose leading hypothesis was confirmed (👍 or a successful fix for it), of those with one. */
  readonly topConfirmed: { readonly confirmed: number; readonly ranked: number };
  /**
   * Resolved incidents an autonomous run fixed with no page sent: an allowed `autonomy.decided`
   * whose run succeeded, and no PagerDuty `trigger` that PagerDuty took.
   */
  readonly pagesAvoided: number;
  /** Incidents paged (a `trigger` PagerDuty took). */
  readonly paged: number;
  /** Runbook runs by runbook and outcome. */
  readonly runs: readonly { readonly runbook: string; readonly byStatus: Readonly<Record<string, number>> }[];
};

/** The numbers for the team over the incidents opened since `since` (their stored facts). */
export function incidentStats(facts: readonly IncidentFacts[], since: number): IncidentStats {
  const firstHypothesis: number[] = [];
  const resolve: number[] = [];
  let ranked = 0;
  let confirmed = 0;
  const runs = new Map<string, Record<string, number>>();
  let pagesAvoided = 0;
  let paged = 0;
  for (const f of facts) {
    const wasPaged = f.audit.some(
      (a) => a.action === 'page.sent' && a.data.event === 'trigger' && a.data.outcome === 'sent',
    );
    if (wasPaged) paged++;
    else if (f.incident.status === 'resolved' && fixedAutonomously(f)) pagesAvoided++;
    const t = buildIncidentTimeline(f);
    if (t.durations.firstHypothesisMs !== undefined) firstHypothesis.push(t.durations.firstHypothesisMs);
    if (t.durations.resolveMs !== undefined) resolve.push(t.durations.resolveMs);
    const cause = rootCause(f);
    if (cause) {
      ranked++;
      if (cause.wasTop && cause.basis !== 'leading hypothesis (unconfirmed)') confirmed++;
    }
    for (const r of f.runs) {
      const by = runs.get(r.runbook) ?? {};
      by[r.status] = (by[r.status] ?? 0) + 1;
      runs.set(r.runbook, by);
    }
  }
  const median = (xs: number[]) => (xs.length === 0 ? undefined : summarize(xs).p50);
  return {
    since,
    incidents: facts.length,
    resolved: facts.filter((f) => f.incident.status === 'resolved').length,
    medianFirstHypothesisMs: median(firstHypothesis),
    medianResolveMs: median(resolve),
    topConfirmed: { confirmed, ranked },
    pagesAvoided,
    paged,
    runs: [...runs.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([runbook, byStatus]) => ({ runbook, byStatus })),
  };
}

/** An allowed autonomous decision whose run succeeded. */
function fixedAutonomously(f: IncidentFacts): boolean {
  return f.audit.some(
    (a) =>
      a.action === 'autonomy.decided' &&
      a.data.allowed === true &&
      f.runs.some((r) => r.id === a.data.runId && r.status === 'succeeded'),
  );
}
