import type { EvalCase } from './eval-case.ts';
import type { EvalSummary } from './eval-summary.ts';

/** Scores cases as the bundle spec (and RCAEval) define: AC@k = share with rank ≤ k, Avg@5 = mean of AC@1..5. */
export function scoreEval(cases: readonly EvalCase[]): EvalSummary {
  const n = cases.length;
  const acAt = (k: number) => (n === 0 ? 0 : cases.filter((c) => c.rank !== null && c.rank <= k).length / n);
  const top1 = (c: EvalCase) => c.top[0];
  const kindAt1 =
    n === 0
      ? 0
      : cases.filter((c) => top1(c)?.service === c.truth.service && top1(c)?.kind === c.truth.kind).length / n;
  const withChange = cases.filter((c) => c.truth.changeId);
  const changeAt1 =
    withChange.length === 0
      ? null
      : withChange.filter((c) => top1(c)?.changeId === c.truth.changeId).length / withChange.length;
  const times = cases.map((c) => c.ms).sort((a, b) => a - b);
  const pct = (q: number) =>
    times.length === 0 ? 0 : (times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] as number);
  return {
    n,
    ac1: round(acAt(1)),
    ac3: round(acAt(3)),
    avg5: round((acAt(1) + acAt(2) + acAt(3) + acAt(4) + acAt(5)) / 5),
    kindAt1: round(kindAt1),
    changeAt1: changeAt1 === null ? null : round(changeAt1),
    ece: expectedCalibrationError(cases),
    p50ms: Math.round(pct(0.5)),
    p95ms: Math.round(pct(0.95)),
    cases,
  };
}

function expectedCalibrationError(cases: readonly EvalCase[]): number | null {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, right: 0 }));
  let n = 0;
  for (const c of cases) {
    const p = c.top[0]?.probability;
    if (p === undefined) continue;
    const bin = bins[Math.min(9, Math.floor(p * 10))] as { n: number; p: number; right: number };
    bin.n++;
    bin.p += p;
    bin.right += c.rank === 1 ? 1 : 0;
    n++;
  }
  if (n === 0) return null;
  return round(bins.reduce((e, b) => e + (b.n === 0 ? 0 : (b.n / n) * Math.abs(b.right / b.n - b.p / b.n)), 0));
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
