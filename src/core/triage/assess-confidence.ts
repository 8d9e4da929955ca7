import type { Hypothesis } from '../model/hypothesis.ts';

/**
 * A confidence word for the ranking as a whole, from the calibrated probability of the top
 * hypothesis: `none` means Causeway abstains ("no confident cause") and offers leads only.
 */
export function assessConfidence(hypotheses: readonly Hypothesis[]): 'high' | 'medium' | 'low' | 'none' {
  const p = hypotheses[0]?.probability ?? 0;
  if (p >= 0.8) return 'high';
  if (p >= 0.55) return 'medium';
  if (p >= 0.3) return 'low';
  return 'none';
}
