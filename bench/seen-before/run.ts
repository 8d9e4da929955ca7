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
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openBundle } from '../../src/adapters/files/open-bundle.ts';
import { investigateCase } from '../../src/app/investigate-case.ts';
import { DEFAULT_INVESTIGATE_OPTIONS } from '../../src/app/investigate-options.ts';
import type { TriageReport } from '../../src/core/model/triage-report.ts';
import { fingerprintReport } from '../../src/core/seen-before/fingerprint-report.ts';
import type { IncidentFingerprint } from '../../src/core/seen-before/incident-fingerprint.ts';
import { probeFeatures } from '../../src/core/seen-before/probe-features.ts';
import { rankSeenBefore } from '../../src/core/seen-before/rank-seen-before.ts';
import { SEEN_BEFORE_MIN_SIMILARITY } from '../../src/core/seen-before/seen-before-match.ts';
import { generateBundle } from '../../src/sim/bundle/generate-bundle.ts';
import { writeBundle } from '../../src/sim/bundle/write-bundle.ts';
import { FAULT_KINDS } from '../../src/sim/core/fault-kinds.ts';
import { planBundles } from '../../src/sim/plan-bundles.ts';

const { values } = parseArgs({
  options: { worlds: { type: 'string' }, seed: { type: 'string' }, cache: { type: 'string' } },
});
const worlds = Number(values.worlds ?? 60);
const seed = Number(values.seed ?? 20);
const cache = values.cache ?? '/tmp/causeway-seen-before';
mkdirSync(cache, { recursive: true });

type Case = {
  id: string;
  world: number;
  truth: { service: string; kind: string };
  fp: IncidentFingerprint;
  ms: number;
};
/** What is cached per bundle: the parts of the report the fingerprint reads (re-fingerprinted on every run). */
type Cached = Omit<Case, 'fp'> & { report: Pick<TriageReport, 'hypotheses' | 'alerts'> };

async function triaged(req: ReturnType<typeof planBundles>[number] & { variant?: number }): Promise<Case> {
  const id = req.variant === undefined ? req.id : `${req.id}-r${req.variant}`;
  const file = join(cache, `${id}.report.json`);
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8')) as Cached;
    return { ...c, fp: fingerprintReport(c.report as TriageReport) };
  }
  const dir = join(cache, 'bundles', id);
  const files = existsSync(join(dir, 'truth.json'))
    ? ({ 'truth.json': readFileSync(join(dir, 'truth.json'), 'utf8') } as ReturnType<typeof generateBundle>)
    : generateBundle(req);
  if (!existsSync(join(dir, 'truth.json'))) writeBundle(dir, files);
  const opened = await openBundle(dir);
  if (!opened.ok) throw new Error(`${id}: ${opened.error.message}`);
  const t0 = performance.now();
  const report = await investigateCase(opened.value, { options: DEFAULT_INVESTIGATE_OPTIONS });
  const ms = performance.now() - t0;
  const truth = JSON.parse(files['truth.json']) as { service: string; kind: string };
  const c: Cached = {
    id,
    world: Number(req.id.split('-').at(-1)),
    truth: { service: truth.service, kind: truth.kind },
    ms,
    report: { hypotheses: report.hypotheses, alerts: report.alerts },
  };
  writeFileSync(file, JSON.stringify(c));
  return { ...c, fp: fingerprintReport(report) };
}

const plans = planBundles({ out: '', count: worlds, seed });
const history: Case[] = [];
const recurring: Case[] = [];
const novel: Case[] = [];
/** Novel faults on a known system: a history world's topology with another fault kind (variant 2). */
const sameSystem: Case[] = [];
for (const p of plans) {
  const i = Number(p.id.split('-').at(-1));
  if (i % 2 === 0) {
    const past = await triaged(p);
    history.push(past);
    recurring.push(await triaged({ ...p, variant: 1 }));
    const kind = FAULT_KINDS[(FAULT_KINDS.indexOf(p.kind) + 3) % FAULT_KINDS.length] ?? 'latency';
    const other = await triaged({ ...p, kind, variant: 2 });
    if (other.truth.service !== past.truth.service || other.truth.kind !== past.truth.kind) sameSystem.push(other);
  } else novel.push(await triaged(p));
  process.stderr.write('.');
}
process.stderr.write('\n');

// As findSeenBefore: only past incidents sharing a probing feature (the inverted index) are compared.
const candidatesFor = (q: Case) => {
  const probe = new Set(probeFeatures(q.fp));
  return history.filter((h) => h.fp.features.some(([f]) => probe.has(f))).map((c) => ({ fingerprint: c.fp, about: c }));
};
const rows: string[] = [];
const falseRate = (qs: readonly Case[], min: number) => {
  let n = 0;
  for (const q of qs) if (rankSeenBefore(q.fp, candidatesFor(q), { min, limit: 1 })[0]) n++;
  return `${(n / qs.length).toFixed(3)} (${n}/${qs.length})`;
};
for (const min of [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
  let hit = 0;
  let shown = 0;
  for (const q of recurring) {
    const top = rankSeenBefore(q.fp, candidatesFor(q), { min, limit: 1 })[0];
    if (top) shown++;
    if (top?.about.world === q.world) hit++;
  }
  let falseSeen = 0;
  let sameTruth = 0;
  for (const q of novel) {
    const top = rankSeenBefore(q.fp, candidatesFor(q), { min, limit: 1 })[0];
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
  if (rankSeenBefore(q.fp, candidatesFor(q), { min: 0, limit: 1 })[0]?.about.world === q.world) best++;
console.log(
  `worlds ${worlds} (seed ${seed}): history ${history.length}, recurrences ${recurring.length}, novel ${novel.length} on new systems, ${sameSystem.length} novel faults on known systems`,
);
console.log(`precision@1 with no threshold: ${(best / recurring.length).toFixed(3)} (${best}/${recurring.length})\n`);
console.log(
  '| threshold | precision@1 (earlier occurrence is the top match) | recurrences shown as seen before | false seen-before, novel incidents on new systems | false seen-before, novel faults on known systems |',
);
console.log('| ---: | --- | ---: | --- | --- |');
for (const r of rows) console.log(r);
