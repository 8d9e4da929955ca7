/**
 * "Seen before" on simulator sequences where a fault recurs among other incidents.
 *   node bench/seen-before/run.ts [--worlds N] [--seed S] [--cache DIR]
 * Worlds are simulator bundles (planBundles: kinds cycling, mixed topologies). For every even
 * world the original incident is in the history and a recurrence (generateBundle's `variant`: the
 * same topology and fault, new timing, traffic, changes and noise) is a query; every odd world's
 * incident is a novel query (neither it nor a recurrence is in the history). Each bundle is triaged
 * as `causeway triage` does and fingerprinted from its report (fingerprintReport); queries are
 * ranked against the whole history (weighted Jaccard). precision@1: recurrences whose top match is
 * their own earlier occurrence; false seen-before: novel incidents with any match at or above the
 * threshold — on new systems (odd worlds), and on known systems (an even world's topology with
 * another fault kind, variant 2: the hard case). Fingerprints are cached in DIR (default /tmp/causeway-seen-before).
 */
import { parseArgs } from 'node:util';
import { rankSeenBefore } from '../../src/core/seen-before/rank-seen-before.ts';
import { SEEN_BEFORE_MIN_SIMILARITY } from '../../src/core/seen-before/seen-before-match.ts';
import { type Case, candidatesFor, loadCases } from './load-cases.ts';

const { values } = parseArgs({
  options: { worlds: { type: 'string' }, seed: { type: 'string' }, cache: { type: 'string' } },
});
const worlds = Number(values.worlds ?? 60);
const seed = Number(values.seed ?? 20);
const { history, recurring, novel, sameSystem } = await loadCases({
  worlds,
  seed,
  cache: values.cache ?? '/tmp/causeway-seen-before',
});
const candidates = (q: Case) => candidatesFor(history, q);

const rows: string[] = [];
const falseRate = (qs: readonly Case[], min: number) => {
  let n = 0;
  for (const q of qs) if (rankSeenBefore(q.fp, candidates(q), { min, limit: 1 })[0]) n++;
  return `${(n / qs.length).toFixed(3)} (${n}/${qs.length})`;
};
for (const min of [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
  let hit = 0;
  let shown = 0;
  for (const q of recurring) {
    const top = rankSeenBefore(q.fp, candidates(q), { min, limit: 1 })[0];
    if (top) shown++;
    if (top?.about.world === q.world) hit++;
  }
  let falseSeen = 0;
  let sameTruth = 0;
  for (const q of novel) {
    const top = rankSeenBefore(q.fp, candidates(q), { min, limit: 1 })[0];
    if (top) {
      falseSeen++;
      if (top.about.truth.service === q.truth.service && top.about.truth.kind === q.truth.kind) sameTruth++;
    }
  }
  rows.push(
    `| ${min.toFixed(2)}${min === SEEN_BEFORE_MIN_SIMILARITY ? ' (default)' : ''} | ${(hit / recurring.length).toFixed(3)} (${hit}/${recurring.length}) | ${(shown / recurring.length).toFixed(3)} | ${(falseSeen / novel.length).toFixed(3)} (${falseSeen}/${novel.length}; ${sameTruth} with the same root service and kind) | ${falseRate(sameSystem, min)} |`,
  );
}
// Ranking without a threshold: is the earlier occurrence the best match at all?
let best = 0;
for (const q of recurring)
  if (rankSeenBefore(q.fp, candidates(q), { min: 0, limit: 1 })[0]?.about.world === q.world) best++;
console.log(
  `worlds ${worlds} (seed ${seed}): history ${history.length}, recurrences ${recurring.length}, novel ${novel.length} on new systems, ${sameSystem.length} novel faults on known systems`,
);
console.log(`precision@1 with no threshold: ${(best / recurring.length).toFixed(3)} (${best}/${recurring.length})\n`);
console.log(
  '| threshold | precision@1 (earlier occurrence is the top match) | recurrences shown as seen before | false seen-before, novel incidents on new systems | false seen-before, novel faults on known systems |',
);
console.log('| ---: | --- | ---: | --- | --- |');
for (const r of rows) console.log(r);
