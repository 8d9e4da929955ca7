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
  for (const f of facts) {
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
    runs: [...runs.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([runbook, byStatus]) => ({ runbook, byStatus })),
  };
}
