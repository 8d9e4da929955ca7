/**
 * Logistic model of "this hypothesis is the root cause" from its score and its margin over the
 * best other hypothesis (both in points / 100): p = σ(bias + score·s + margin·m).
 * Fitted by `node bench/triage/fit-calibration.ts --train <seed 11>,<seed 22>` (simulator suites of 70 bundles each, 694
 * hypotheses: the top five of each bundle); checked on the held-out suite of BENCHMARKS.md (ECE 0.062 when fitted, 0.066 after later ranking changes; a refit was no better).
 */
export type CalibrationModel = { readonly bias: number; readonly score: number; readonly margin: number };

export const CALIBRATION_MODEL: CalibrationModel = { bias: -1.29, score: 2.47, margin: 7.77 };
