/**
 * Logistic model of "this hypothesis is the root cause": p = σ(bias + score·s + margin·m +
 * metricShare·a + alertShare·b + strongShare·c), with the score and its margin over the best
 * other hypothesis in points / 100, and the shares of its score that came from metrics, from the
 * alert alone, and from the strong trace, log and change rules. What kind of evidence carries a
 * score says how far it can be trusted: scores from different sources do not mean the same.
 * Fitted by `node bench/triage/fit-calibration.ts --train <simulator suite>,<nezha-ob>,
 * <nezha-ob without metrics>,<petshop>` (the top five hypotheses of each bundle); the
 * leave-one-dataset-out figures are in BENCHMARKS.md.
 */
export type CalibrationModel = {
  readonly bias: number;
  readonly score: number;
  readonly margin: number;
  readonly metricShare?: number;
  readonly alertShare?: number;
  readonly strongShare?: number;
};

export const CALIBRATION_MODEL: CalibrationModel = {
  bias: 0.1,
  score: 2.98,
  margin: 13.99,
  metricShare: -1.64,
  alertShare: -1.26,
  strongShare: -1.67,
};
