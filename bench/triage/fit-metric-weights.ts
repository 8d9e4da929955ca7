/**
 * Fits the metric knobs of the ranking (RankOptions.metric and the metric-shift points) on the
 * real sets that have metrics, with a leave-one-dataset-out check: for each set, the grid point
 * best on the *other* sets is scored on it. Telemetry is read once per bundle; only the ranking
 * runs per grid point.
 *
 *   node bench/triage/fit-metric-weights.ts [NAME=DIR ...]
 *
 * Default sets (skipped when absent): nezha-ob with metrics (.cache/real/nezha-ob, made by the
 * real-eval tool) and petshop (../shared/data/petshop). Data is read in place, never copied.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findBundles } from '../../src/adapters/files/find-bundles.ts';
import { openBundle } from '../../src/adapters/files/open-bundle.ts';
import { readTruth } from '../../src/adapters/files/read-truth.ts';
import { investigateCase } from '../../src/app/investigate-case.ts';
import { DEFAULT_INVESTIGATE_OPTIONS } from '../../src/app/investigate-options.ts';
import { rankOf } from '../../src/core/eval/rank-of.ts';
import type { Alert } from '../../src/core/model/alert.ts';
import type { TriageFeatures } from '../../src/core/telemetry/triage-features.ts';
import { rankHypotheses } from '../../src/core/triage/rank-hypotheses.ts';
import { DEFAULT_RANK_OPTIONS, type RankOptions } from '../../src/core/triage/rank-options.ts';

type Case = { readonly f: TriageFeatures; readonly alerts: readonly Alert[]; readonly truth: string };

const args = process.argv.slice(2);
const sets: [string, string][] = args.length
  ? args.map((a) => a.split('=', 2) as [string, string])
  : [
      ['nezha-ob', resolve('.cache/real/nezha-ob')],
      ['petshop', resolve('../shared/data/petshop')],
    ];

const data = new Map<string, Case[]>();
for (const [name, dir] of sets) {
  if (!existsSync(dir)) {
    console.log(`skipped ${name}: ${dir} absent`);
    continue;
  }
  const cases: Case[] = [];
  for (const b of await findBundles([dir])) {
    const truth = await readTruth(b);
    const opened = await openBundle(b);
    if (!truth.ok || !truth.value || !opened.ok) continue;
    const o = opened.value;
    let captured: Omit<Case, 'truth'> | undefined;
    await investigateCase(o, {
      options: DEFAULT_INVESTIGATE_OPTIONS,
      rank: (f, alerts, opts) => {
        captured = { f, alerts };
        return rankHypotheses(f, alerts, opts);
      },
    });
    if (captured) cases.push({ ...captured, truth: truth.value.service });
  }
  data.set(name, cases);
  console.log(`${name}: ${cases.length} cases`);
}

type Point = {
  readonly effectWeight: number;
  readonly minBaselinePoints: number;
  readonly callerSideWeight: number;
  readonly metricShift: number;
  readonly alerted: number;
  readonly symptomWeight: number;
  readonly tracedWeight: number;
  readonly loadWeight: number;
};
const grid: Point[] = [];
for (const effectWeight of [0.2, 0.35, 0.5])
  for (const minBaselinePoints of [1])
    for (const callerSideWeight of [0.3])
      for (const metricShift of [4, 6, 8])
        for (const alerted of [3])
          for (const symptomWeight of [0])
            for (const tracedWeight of [0.25, 0.1])
              for (const loadWeight of [0.3, 0.15, 0.05, 0])
                grid.push({
                  effectWeight,
                  minBaselinePoints,
                  callerSideWeight,
                  metricShift,
                  alerted,
                  symptomWeight,
                  tracedWeight,
                  loadWeight,
                });

function optionsOf(p: Point): RankOptions {
  return {
    ...DEFAULT_RANK_OPTIONS,
    points: { ...DEFAULT_RANK_OPTIONS.points, metricShift: p.metricShift, alerted: p.alerted },
    metric: {
      effectWeight: p.effectWeight,
      minBaselinePoints: p.minBaselinePoints,
      callerSideWeight: p.callerSideWeight,
      symptomWeight: p.symptomWeight,
      tracedWeight: p.tracedWeight,
      loadWeight: p.loadWeight,
    },
  };
}

/** AC@1 and AC@3 of one set at one grid point. */
function score(cases: readonly Case[], p: Point): { ac1: number; ac3: number } {
  const options = optionsOf(p);
  let a1 = 0;
  let a3 = 0;
  for (const c of cases) {
    const r = rankOf(
      rankHypotheses(c.f, c.alerts, options).map((h) => h.service),
      c.truth,
    );
    if (r === 1) a1++;
    if (r !== null && r <= 3) a3++;
  }
  return { ac1: a1 / cases.length, ac3: a3 / cases.length };
}

const names = [...data.keys()];
const table = grid.map((p) => ({ p, s: new Map(names.map((n) => [n, score(data.get(n) ?? [], p)])) }));
const label = (p: Point) =>
  `effect ${p.effectWeight} minBase ${p.minBaselinePoints} caller ${p.callerSideWeight} points ${p.metricShift} alerted ${p.alerted} symptom ${p.symptomWeight} traced ${p.tracedWeight} load ${p.loadWeight}`;
const fmt = (s: { ac1: number; ac3: number } | undefined) => (s ? `${s.ac1.toFixed(3)}/${s.ac3.toFixed(3)}` : '-');
const mean = (row: (typeof table)[number], among: readonly string[]) =>
  among.reduce((a, n) => a + (row.s.get(n)?.ac1 ?? 0) + 0.25 * (row.s.get(n)?.ac3 ?? 0), 0) / among.length;

const cur = table.find(
  (r) =>
    r.p.effectWeight === DEFAULT_RANK_OPTIONS.metric.effectWeight &&
    r.p.minBaselinePoints === DEFAULT_RANK_OPTIONS.metric.minBaselinePoints &&
    r.p.callerSideWeight === DEFAULT_RANK_OPTIONS.metric.callerSideWeight &&
    r.p.metricShift === DEFAULT_RANK_OPTIONS.points.metricShift &&
    r.p.alerted === DEFAULT_RANK_OPTIONS.points.alerted &&
    r.p.symptomWeight === DEFAULT_RANK_OPTIONS.metric.symptomWeight &&
    r.p.tracedWeight === DEFAULT_RANK_OPTIONS.metric.tracedWeight &&
    r.p.loadWeight === DEFAULT_RANK_OPTIONS.metric.loadWeight,
);
console.log(
  `\ncurrent defaults (${cur ? label(cur.p) : 'not on the grid'}): ${names.map((n) => `${n} ${fmt(cur?.s.get(n))}`).join('  ')}`,
);
const best = [...table].sort((a, b) => mean(b, names) - mean(a, names));
console.log('\nbest on all sets (AC@1/AC@3):');
for (const r of best.slice(0, 8))
  console.log(`  ${label(r.p).padEnd(40)} ${names.map((n) => `${n} ${fmt(r.s.get(n))}`).join('  ')}`);
console.log('\nleave one dataset out (fitted on the others, scored on the one left out):');
for (const out of names) {
  const others = names.filter((n) => n !== out);
  if (others.length === 0) continue;
  const pick = [...table].sort((a, b) => mean(b, others) - mean(a, others))[0];
  if (pick)
    console.log(
      `  ${out.padEnd(10)} ${fmt(pick.s.get(out))}  (picked ${label(pick.p)}; current ${fmt(cur?.s.get(out))})`,
    );
}
