import type { Hypothesis } from '../model/hypothesis.ts';
import type { ScoreReason } from '../model/score-reason.ts';
import { byRank } from '../triage/by-rank.ts';
import type { PastCause } from './past-cause.ts';
import type { SeenBeforeMatch } from './seen-before-match.ts';

/**
 * The most a past confirmed cause adds to a hypothesis: this share of the leading hypothesis'
 * score, times the match's similarity (times OTHER_KIND when the fault kind differs). Chosen on
 * the seen-before bench (BENCHMARKS.md, "Seen before feeding the ranking"): it settles close calls
 * and cannot lift a hypothesis that trails the leader by more than that share.
 */
export const CONFIRMED_CAUSE_SHARE = 0.25;
/** A past cause on the same service but of another fault kind counts this much of a same-kind one. */
export const OTHER_KIND = 0.5;
/** The reason's rule name (its points are listed with the others; calibration sees them as any other rule's). */
const SEEN_BEFORE_RULE = 'seen-before';

/**
 * Past confirmed causes as one more reason in the ranking. A hypothesis gains only when a similar
 * past incident (a "seen before" match) has a cause people confirmed (👍, `confirmedBy:
 * 'feedback'`) on the same service: it never adds a hypothesis, and a cause only a runbook run or
 * the ranking named does not count (the system would be feeding itself). The gain is bounded
 * (CONFIRMED_CAUSE_SHARE of the leader's score × similarity; half for another fault kind), one per
 * hypothesis (its best match), and explained by a reason naming the past incident. The result is
 * re-sorted as the ranking sorts (score, then service); ids are kept; probabilities are NOT
 * recalibrated here (the caller calibrates the new scores). `share` is for the bench's sweep.
 */
export function weighConfirmedCauses(
  hypotheses: readonly Hypothesis[],
  matches: readonly SeenBeforeMatch[],
  share = CONFIRMED_CAUSE_SHARE,
): Hypothesis[] {
  const leader = Math.max(0, ...hypotheses.map((h) => h.score));
  if (leader === 0) return [...hypotheses];
  const weighed = hypotheses.map((h) => {
    if (h.score <= 0) return h;
    let best: { m: SeenBeforeMatch; cause: PastCause; weight: number } | undefined;
    for (const m of matches) {
      const c = m.rootCause;
      if (c?.confirmedBy !== 'feedback' || c.service !== h.service) continue;
      const weight = m.similarity * (c.kind === h.kind ? 1 : OTHER_KIND);
      if (!best || weight > best.weight) best = { m, cause: c, weight };
    }
    if (!best) return h;
    const points = round(share * best.weight * leader);
    if (points <= 0) return h;
    const reason: ScoreReason = { rule: SEEN_BEFORE_RULE, points, text: reasonText(best.m, best.cause) };
    return { ...h, score: round(h.score + points), reasons: withReason(h.reasons, reason) };
  });
  // Re-sorted exactly as the ranking sorts.
  return weighed.sort(byRank);
}

/** "confirmed as the cause of INC-… on 2026-11-12 (checkout, deploy), similarity 0.80". */
function reasonText(m: SeenBeforeMatch, c: PastCause): string {
  const what = ` (${c.service}, ${c.kind.replace(/_/g, ' ')})`;
  const day = new Date(m.resolvedAt).toISOString().slice(0, 10);
  return `seen before: confirmed as the cause of incident ${m.incidentId} on ${day}${what}, similarity ${m.similarity.toFixed(2)}`;
}

/** The reasons with one more, by points like the others, but never first: a past incident is not the headline. */
function withReason(reasons: readonly ScoreReason[], r: ScoreReason): ScoreReason[] {
  const out = [...reasons];
  let i = out.findIndex((x, j) => j > 0 && (x.rule === 'kind' || x.points < r.points));
  if (i < 0) i = out.length;
  out.splice(Math.max(1, i), 0, r);
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
