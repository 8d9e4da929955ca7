// Fits the calibration model (src/core/triage/calibration-model.ts) and reports its reliability.
//
//   node bench/triage/fit-calibration.ts --train /tmp/dev,/tmp/hold --test /tmp/causeway-eval
//   node bench/triage/fit-calibration.ts --lodo .cache/real/nezha-ob.json,.cache/real/petshop.json,/tmp/sim.json
//
// A set is a folder of bundles (evaluated here) or the JSON `causeway eval --json` wrote for one
// (real-eval leaves them in .cache/real/). --lodo fits on all sets but one and scores the one left
// out, for each, then fits on all of them.
//
// Training: the top five hypotheses of every bundle, labelled by whether their service is the
// truth; a logistic regression by Newton's method on score/100, margin over the best other/100,
// and the shares of the score from metrics, from the alert alone and from the strong rules.
// Test: the top hypothesis' calibrated probability against how often it is right, in ten bins.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { calibrationFeatures } from '../../src/core/triage/calibration-features.ts';
import { CALIBRATION_INPUTS } from '../../src/core/triage/calibration-model.ts';

type Top = { service: string; score: number; rules?: Record<string, number> };
type Case = { truth: { service: string }; top: Top[] };

const { values } = parseArgs({
  options: { train: { type: 'string' }, test: { type: 'string' }, lodo: { type: 'string' } },
});
if (!values.lodo && (!values.train || !values.test)) {
  console.error(
    'usage: node bench/triage/fit-calibration.ts --train SET[,SET] --test SET[,SET] | --lodo SET,SET[,SET...]',
  );
  process.exit(2);
}
const main = new URL('../../src/main.ts', import.meta.url).pathname;
const read = new Map<string, Case[]>();
/** The cases of one set: a folder of bundles (evaluated) or an eval JSON file. */
const casesOf = (set: string): Case[] => {
  const known = read.get(set);
  if (known) return known;
  const json = set.endsWith('.json')
    ? readFileSync(set, 'utf8')
    : execFileSync(process.execPath, [main, 'eval', set, '--json'], {
        encoding: 'utf8',
        maxBuffer: 256 << 20,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
  const cs = (JSON.parse(json) as { cases: Case[] }).cases;
  read.set(set, cs);
  return cs;
};
const cases = (sets: string): Case[] => sets.split(',').flatMap(casesOf);

/** The model's inputs, as src/core/triage/calibrate.ts computes them. */
const features = (top: Top[], i: number): number[] => {
  const h = top[i] as Top;
  let best = 0;
  top.forEach((o, j) => {
    if (j !== i) best = Math.max(best, o.score);
  });
  const x = calibrationFeatures(h.score, h.rules ?? {}, best);
  return NAMES.map((k) => x[k]);
};
const NAMES = CALIBRATION_INPUTS;
const D = NAMES.length;
const sigmaOf = (w: readonly number[], x: readonly number[]) =>
  1 /
  (1 +
    Math.exp(
      -Math.max(
        -30,
        Math.min(
          30,
          x.reduce((s, v, k) => s + v * (w[k] as number), 0),
        ),
      ),
    ));

/** Logistic regression by Newton's method (a small ridge for stability) on the top five of each case. */
function fitModel(train: readonly Case[]): number[] {
  const rows: { x: number[]; y: number }[] = [];
  for (const c of train)
    c.top.forEach((h, i) => {
      rows.push({ x: features(c.top, i), y: h.service === c.truth.service ? 1 : 0 });
    });
  let w = new Array<number>(D).fill(0);
  for (let it = 0; it < 100; it++) {
    const g = new Array<number>(D).fill(0);
    const H = Array.from({ length: D }, (_, a) => Array.from({ length: D }, (_, b) => (a === b ? 1e-3 : 0)));
    for (const { x, y } of rows) {
      const p = sigmaOf(w, x);
      for (let a = 0; a < D; a++) {
        g[a] = (g[a] as number) + (p - y) * (x[a] as number);
        const row = H[a] as number[];
        for (let b = 0; b < D; b++) row[b] = (row[b] as number) + p * (1 - p) * (x[a] as number) * (x[b] as number);
      }
    }
    const step = solve(H, g);
    w = w.map((v, k) => v - (step[k] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return w.map((x) => Math.round(x * 100) / 100);
}

/**
 * Reliability of the top hypothesis: its probability as calibrate() gives it (scaled when a
 * triage's probabilities would sum above 1), in ten bins, and the expected calibration error.
 */
function reliability(w: readonly number[], test: readonly Case[]): { ece: number; n: number; table: string[] } {
  const bins = Array.from({ length: 10 }, (_, k) => ({ lo: k / 10, n: 0, p: 0, right: 0 }));
  let n = 0;
  for (const c of test) {
    if (c.top.length === 0) continue;
    const raw = c.top.map((_, i) => sigmaOf(w, features(c.top, i)));
    const sum = raw.reduce((a, b) => a + b, 0);
    const p = (raw[0] as number) * (sum > 1 ? 1 / sum : 1);
    const bin = bins[Math.min(9, Math.floor(p * 10))] as (typeof bins)[number];
    bin.n++;
    bin.p += p;
    bin.right += c.top[0]?.service === c.truth.service ? 1 : 0;
    n++;
  }
  let ece = 0;
  const table = ['| top probability | bundles | mean predicted | right |', '| --- | ---: | ---: | ---: |'];
  for (const b of bins) {
    if (b.n === 0) continue;
    ece += (b.n / n) * Math.abs(b.p / b.n - b.right / b.n);
    table.push(
      `| ${b.lo.toFixed(1)}–${(b.lo + 0.1).toFixed(1)} | ${b.n} | ${(b.p / b.n).toFixed(2)} | ${(b.right / b.n).toFixed(2)} |`,
    );
  }
  return { ece, n, table };
}

const modelText = (w: readonly number[]) => `{ ${NAMES.map((k, i) => `${k}: ${w[i]}`).join(', ')} }`;

if (values.lodo) {
  const sets = values.lodo.split(',');
  console.log('leave one dataset out (fitted on the others, ECE on the one left out):');
  for (const out of sets) {
    const w = fitModel(sets.filter((s) => s !== out).flatMap(casesOf));
    console.log(`  ${out}: ECE ${reliability(w, casesOf(out)).ece.toFixed(3)}`);
  }
  const w = fitModel(sets.flatMap(casesOf));
  console.log(`fitted on all: ${modelText(w)}`);
  for (const s of sets) console.log(`  ${s}: ECE ${reliability(w, casesOf(s)).ece.toFixed(3)} (in-sample)`);
} else {
  const w = fitModel(cases(values.train as string));
  console.log(`fitted: ${modelText(w)}`);
  const r = reliability(w, cases(values.test as string));
  for (const line of r.table) console.log(line);
  console.log(`expected calibration error ${r.ece.toFixed(3)} over ${r.n} held-out bundles`);
}

/** Solves A·x = b by Gauss–Jordan elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const m = A.map((row, i) => [...row, b[i] as number]);
  const d = b.length;
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++)
      if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[piv] as number[])[c] as number)) piv = r;
    [m[c], m[piv]] = [m[piv] as number[], m[c] as number[]];
    const pr = m[c] as number[];
    for (let r = 0; r < d; r++) {
      if (r === c) continue;
      const row = m[r] as number[];
      const f = (row[c] as number) / (pr[c] as number);
      for (let k = c; k <= d; k++) row[k] = (row[k] as number) - f * (pr[k] as number);
    }
  }
  return Array.from({ length: d }, (_, i) => ((m[i] as number[])[d] as number) / ((m[i] as number[])[i] as number));
}
