/**
 * Logistic model of "this hypothesis is the root cause": p = σ(bias + score·s + margin·m +
 * metricShare·a + alertShare·b + strongShare·c + lead·l + lead·metricShare·ml), with the score
 * and its margin over the best other hypothesis in points / 100, the shares of its score that
 * came from metrics, from the alert alone, and from the strong trace, log and change rules, and
 * the margin as a share of the larger score (scale-free; on its own and for metric scores). What
 * kind of evidence carries a score says how far it can be trusted: scores from different sources
 * do not mean the same. Fitted by `node bench/triage/fit-calibration.ts --lodo <nezha-ob>,
 * <petshop>,<simulator suite>,<nezha-ob without metrics>` (eval JSON of each; the top five
 * hypotheses of each bundle); the leave-one-dataset-out figures are in BENCHMARKS.md.
 */
/** The model's inputs (see calibration-features), in the order the fit bench lists them. */
export const CALIBRATION_INPUTS = [
  'bias',
  'score',
  'margin',
  'metricShare',
  'alertShare',
  'strongShare',
  'lead',
  'metricLead',
] as const;
export type CalibrationInput = (typeof CALIBRATION_INPUTS)[number];

/** The weight of each input; an input without one counts 0 (models fitted before it existed). */
export type CalibrationModel = { readonly bias: number; readonly score: number; readonly margin: number } & {
  readonly [K in Exclude<CalibrationInput, 'bias' | 'score' | 'margin'>]?: number;
};

export const CALIBRATION_MODEL: CalibrationModel = {
  bias: -0.18,
  score: 1.85,
  margin: 5.72,
  metricShare: -0.53,
  alertShare: -1.93,
  strongShare: -0.84,
  lead: 1.46,
  metricLead: 2.96,
};
