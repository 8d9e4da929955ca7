import type { Hypothesis } from '../model/hypothesis.ts';
import { calibrationFeatures } from './calibration-features.ts';
import { CALIBRATION_INPUTS, CALIBRATION_MODEL, type CalibrationModel } from './calibration-model.ts';

/**
 * Adds to each hypothesis the probability that it is the root cause, from its score, its margin
 * over the best other one and the kinds of evidence behind it (a logistic model fitted on several
 * datasets), scaled so the probabilities of one triage never sum above 1.
 */
export function calibrate(
  hypotheses: readonly Hypothesis[],
  model: CalibrationModel = CALIBRATION_MODEL,
): Hypothesis[] {
  const raw = hypotheses.map((h, i) => {
    let best = 0;
    for (let j = 0; j < hypotheses.length; j++) if (j !== i) best = Math.max(best, hypotheses[j]?.score ?? 0);
    const points: Record<string, number> = {};
    for (const r of h.reasons) points[r.rule] = (points[r.rule] ?? 0) + r.points;
    const x = calibrationFeatures(h.score, points, best);
    let z = 0;
    for (const k of CALIBRATION_INPUTS) z += (model[k] ?? 0) * x[k];
    return 1 / (1 + Math.exp(-z));
  });
  const sum = raw.reduce((a, b) => a + b, 0);
  const scale = sum > 1 ? 1 / sum : 1;
  // Rounded down to 3 decimals, so rounding cannot push the sum above 1.
  return hypotheses.map((h, i) => ({ ...h, probability: Math.floor((raw[i] as number) * scale * 1000) / 1000 }));
}
