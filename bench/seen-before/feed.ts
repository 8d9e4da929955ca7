/**
 * "Seen before" feeding the ranking: does a similar past incident's confirmed cause make the
 * current incident's top-1 better, and how often does it turn a right answer wrong?
 *   node bench/seen-before/feed.ts [--worlds N] [--seed S] [--cache DIR]
 * The cases of run.ts (load-cases.ts, the same cache). Each query's matches are found as
 * findSeenBefore finds them (the candidates sharing a probing feature, weighted Jaccard, at or above
 * SEEN_BEFORE_MIN_SIMILARITY, best three); each past incident's cause is its simulator truth,
 * confirmed by people (👍). The report is re-weighed as applySeenBefore does (reweighReport) with
 * several shares. Top-1 is right when the leading hypothesis names the true service (AC@1).
 *   - recurrences: the past confirmed cause is right for the current incident;
 *   - novel faults on known systems: a similar past incident whose confirmed cause is wrong here
 *     (another fault, often another service);
 *   - adversarial: the recurrences again, each past cause replaced by the best-ranked current
 *     hypothesis that is wrong (the runner-up when the leader is right: a similar symptom, confirmed
 *     as a different cause that IS among the current hypotheses — the worst wrong cause the feed can
 *     meet, since only those can gain).
 * Novel incidents on new systems have no match (run.ts), so the feed cannot change them.
 */
import { parseArgs } from 'node:util';
import type { FaultKind } from '../../src/core/model/fault-kind.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';
import type { PastCause } from '../../src/core/seen-before/past-cause.ts';
import { rankSeenBefore } from '../../src/core/seen-before/rank-seen-before.ts';
import { reweighReport } from '../../src/core/seen-before/reweigh-report.ts';
import { SEEN_BEFORE_MIN_SIMILARITY, type SeenBeforeMatch } from '../../src/core/seen-before/seen-before-match.ts';
import { CONFIRMED_CAUSE_SHARE } from '../../src/core/seen-before/weigh-confirmed-causes.ts';
import { type Case, candidatesFor, loadCases } from './load-cases.ts';

const { values } = parseArgs({
  options: { worlds: { type: 'string' }, seed: { type: 'string' }, cache: { type: 'string' } },
});
const worlds = Number(values.worlds ?? 60);
const seed = Number(values.seed ?? 20);
const { history, recurring, sameSystem } = await loadCases({
  worlds,
  seed,
  cache: values.cache ?? '/tmp/causeway-seen-before',
});

/** The query's matches as findSeenBefore returns them, each past cause given by `causeOf`. */
function matchesOf(q: Case, causeOf: (past: Case) => PastCause | undefined): SeenBeforeMatch[] {
  return rankSeenBefore(q.fp, candidatesFor(history, q), { min: SEEN_BEFORE_MIN_SIMILARITY, limit: 3 }).map(
    ({ about, similarity, shared }) => {
      const rootCause = causeOf(about);
      return {
        incidentId: about.id,
        similarity,
        title: about.id,
        resolvedAt: 0,
        cause: undefined,
        confirmed: true,
        fixedBy: undefined,
        ...(rootCause ? { rootCause } : {}),
        shared,
      };
    },
  );
}
const truthOf = (past: Case): PastCause => ({
  service: past.truth.service,
  kind: past.truth.kind as FaultKind,
  confirmedBy: 'feedback',
});

type Row = { n: number; acted: number; before: number; after: number; rightToWrong: number; wrongToRight: number };
function measure(qs: readonly Case[], causeOf: (q: Case) => (past: Case) => PastCause | undefined, share: number): Row {
  const r: Row = { n: qs.length, acted: 0, before: 0, after: 0, rightToWrong: 0, wrongToRight: 0 };
  for (const q of qs) {
    const report = q.report as TriageReport;
    const weighed = reweighReport(report, matchesOf(q, causeOf(q)), share);
    if (weighed !== report) r.acted++;
    const was = report.hypotheses[0]?.service === q.truth.service;
    const is = weighed.hypotheses[0]?.service === q.truth.service;
    if (was) r.before++;
    if (is) r.after++;
    if (was && !is) r.rightToWrong++;
    if (!was && is) r.wrongToRight++;
  }
  return r;
}
const cell = (x: number, n: number) => `${(x / n).toFixed(3)} (${x}/${n})`;

console.log(
  `worlds ${worlds} (seed ${seed}): ${recurring.length} recurrences, ${sameSystem.length} novel faults on known systems; matches at ≥ ${SEEN_BEFORE_MIN_SIMILARITY}`,
);
console.log(
  '\n| set (past confirmed cause) | share | re-weighed | top-1 without the feed | top-1 with it | right → wrong | wrong → right |',
);
console.log('| --- | ---: | ---: | --- | --- | ---: | ---: |');
const sets: [string, readonly Case[], (q: Case) => (past: Case) => PastCause | undefined][] = [
  ['recurrences (right)', recurring, () => truthOf],
  ['novel faults, known system (wrong)', sameSystem, () => truthOf],
  [
    'adversarial: recurrences, cause = best wrong hypothesis',
    recurring,
    (q) => () => {
      const h = q.report.hypotheses.find((x) => x.service !== q.truth.service);
      return h ? { service: h.service, kind: h.kind, confirmedBy: 'feedback' } : undefined;
    },
  ],
];
for (const [name, qs, causeOf] of sets)
  for (const share of [0.1, 0.25, 0.5, 1]) {
    const r = measure(qs, causeOf, share);
    console.log(
      `| ${name} | ${share}${share === CONFIRMED_CAUSE_SHARE ? ' (default)' : ''} | ${r.acted} | ${cell(r.before, r.n)} | ${cell(r.after, r.n)} | ${r.rightToWrong} | ${r.wrongToRight} |`,
    );
  }
