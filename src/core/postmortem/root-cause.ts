import type { Hypothesis } from '../model/hypothesis.ts';
import type { IncidentFacts } from './incident-facts.ts';

/** How the root cause was settled: people said so (👍), a runbook for it fixed it, or it only leads the ranking. */
export type RootCauseBasis = 'confirmed by feedback' | 'fixed by a runbook run' | 'leading hypothesis (unconfirmed)';

export type RootCause = {
  readonly hypothesis: Hypothesis;
  readonly basis: RootCauseBasis;
  /** The best other hypothesis, the one it beat. */
  readonly runnerUp: Hypothesis | undefined;
  /** Whether it is the triage's leading hypothesis. */
  readonly wasTop: boolean;
};

/**
 * The incident's root cause as the records tell it: a hypothesis with more 👍 than 👎, else the
 * one a successful runbook run was proposed for, else the leading hypothesis. Undefined when the
 * triage produced none.
 */
export function rootCause(facts: IncidentFacts): RootCause | undefined {
  const hs = facts.triage?.report.hypotheses ?? [];
  if (hs.length === 0) return undefined;
  const votes = new Map<string, number>();
  for (const f of facts.feedback) {
    if (!f.hypothesisId) continue;
    const d = f.verdict === 'confirmed' ? 1 : f.verdict === 'rejected' ? -1 : 0;
    votes.set(f.hypothesisId, (votes.get(f.hypothesisId) ?? 0) + d);
  }
  const byVotes = hs.find((h) => (votes.get(h.id) ?? 0) > 0);
  const fixedFor = new Set<string>();
  const proposedFor = new Map<string, string>();
  for (const r of facts.audit) {
    if (r.action === 'runbook.proposed' && typeof r.data.runId === 'string' && typeof r.data.hypothesisId === 'string')
      proposedFor.set(r.data.runId, r.data.hypothesisId);
    if (r.action === 'run.finished' && r.data.status === 'succeeded' && typeof r.data.runId === 'string') {
      const h = proposedFor.get(r.data.runId);
      if (h) fixedFor.add(h);
    }
  }
  const byFix = hs.find((h) => fixedFor.has(h.id) && (votes.get(h.id) ?? 0) >= 0);
  const chosen = byVotes ?? byFix ?? (hs[0] as Hypothesis);
  const basis: RootCauseBasis = byVotes
    ? 'confirmed by feedback'
    : byFix
      ? 'fixed by a runbook run'
      : 'leading hypothesis (unconfirmed)';
  return {
    hypothesis: chosen,
    basis,
    runnerUp: hs.find((h) => h.id !== chosen.id),
    wasTop: chosen.id === hs[0]?.id,
  };
}
