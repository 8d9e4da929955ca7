// Fits the calibration model (src/core/triage/calibration-model.ts) and reports its reliability.
//
//   node bench/triage/fit-calibration.ts --train /tmp/dev,/tmp/hold --test /tmp/causeway-eval
//
// Training: the top five hypotheses of every bundle, labelled by whether their service is the
// truth; a logistic regression on (score/100, margin over the best other/100) by Newton's method.
// Test: the top hypothesis' calibrated probability against how often it is right, in bins.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

type Top = { service: string; score: number };
type Case = { truth: { service: string }; top: Top[] };

const { values } = parseArgs({ options: { train: { type: 'string' }, test: { type: 'string' } } });
if (!values.train || !values.test) {
  console.error('usage: node bench/triage/fit-calibration.ts --train DIR[,DIR] --test DIR[,DIR]');
  process.exit(2);
}
const main = new URL('../../src/main.ts', import.meta.url).pathname;
const cases = (dirs: string): Case[] =>
  JSON.parse(
    execFileSync(process.execPath, [main, 'eval', ...dirs.split(','), '--json'], {
      encoding: 'utf8',
      maxBuffer: 256 << 20,
    }),
  ).cases;

const features = (top: Top[], i: number): [number, number, number] => {
  const h = top[i] as Top;
  let best = 0;
  top.forEach((o, j) => {
    if (j !== i) best = Math.max(best, o.score);
  });
  return [1, h.score / 100, (h.score - best) / 100];
};

const rows: { x: [number, number, number]; y: number }[] = [];
for (const c of cases(values.train)) {
  c.top.forEach((h, i) => {
    rows.push({ x: features(c.top, i), y: h.service === c.truth.service ? 1 : 0 });
  });
}

// Newton's method with a small ridge for stability.
let w = [0, 0, 0];
for (let it = 0; it < 50; it++) {
  const g = [0, 0, 0];
  const H = [
    [1e-3, 0, 0],
    [0, 1e-3, 0],
    [0, 0, 1e-3],
  ];
  for (const { x, y } of rows) {
    const p = 1 / (1 + Math.exp(-(w[0]! * x[0] + w[1]! * x[1] + w[2]! * x[2])));
    for (let a = 0; a < 3; a++) {
      g[a]! += (p - y) * x[a]!;
      for (let b = 0; b < 3; b++) H[a]![b]! += p * (1 - p) * x[a]! * x[b]!;
    }
  }
  const step = solve3(H, g);
  w = w.map((v, i) => v - step[i]!);
  if (Math.max(...step.map(Math.abs)) < 1e-9) break;
}
const r2 = (x: number) => Math.round(x * 100) / 100;
console.log(`fitted on ${rows.length} hypotheses: { bias: ${r2(w[0]!)}, score: ${r2(w[1]!)}, margin: ${r2(w[2]!)} }`);

// Reliability of the top hypothesis on the test set, with the fitted model.
const bins = [0, 0.3, 0.55, 0.8, 1.0001]
  .map((lo, i, a) => ({ lo, hi: a[i + 1] ?? 1, n: 0, p: 0, right: 0 }))
  .slice(0, 4);
let ece = 0;
let n = 0;
for (const c of cases(values.test)) {
  if (c.top.length === 0) continue;
  const x = features(c.top, 0);
  const p = 1 / (1 + Math.exp(-(w[0]! * x[0] + w[1]! * x[1] + w[2]! * x[2])));
  const bin = bins.find((b) => p >= b.lo && p < b.hi) ?? bins[bins.length - 1]!;
  bin.n++;
  bin.p += p;
  bin.right += c.top[0]?.service === c.truth.service ? 1 : 0;
  n++;
}
console.log('| top probability | bundles | mean predicted | right |');
console.log('| --- | ---: | ---: | ---: |');
for (const b of bins) {
  if (b.n === 0) continue;
  ece += (b.n / n) * Math.abs(b.p / b.n - b.right / b.n);
  console.log(
    `| ${b.lo.toFixed(2)}–${Math.min(1, b.hi).toFixed(2)} | ${b.n} | ${(b.p / b.n).toFixed(2)} | ${(b.right / b.n).toFixed(2)} |`,
  );
}
console.log(`expected calibration error ${ece.toFixed(3)} over ${n} held-out bundles`);

function solve3(A: number[][], b: number[]): number[] {
  const m = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < 3; c++) {
    let piv = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k < 4; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return [0, 1, 2].map((i) => m[i]![3]! / m[i]![i]!);
}
