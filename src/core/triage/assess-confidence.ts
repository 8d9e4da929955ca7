import type { Hypothesis } from '../model/hypothesis.ts';

/**
 * A confidence word for the ranking as a whole, from the top score and its margin over the
 * runner-up (calibrated probabilities come with the evaluation data).
 */
export function assessConfidence(hypotheses: readonly Hypothesis[]): 'high' | 'medium' | 'low' | 'none' {
  const first = hypotheses[0];
  if (!first) return 'none';
  const margin = first.score - (hypotheses[1]?.score ?? 0);
  if (first.score >= 45 && margin >= 15) return 'high';
  if (first.score >= 25 && margin >= 8) return 'medium';
  return 'low';
}
