import type { CalibrationInput } from './calibration-model.ts';

/** Rules whose evidence is direct: a service's own failures, slowness, new errors or a change. */
const STRONG = new Set([
  'origin-errors',
  'self-latency',
  'change',
  'error-logs',
  'log-patterns',
  'blame-chain',
  'unreachable',
  'callee-health',
  'client-fault',
  'rollout',
]);

/**
 * The calibration model's inputs, by the name of the weight each is multiplied by: a constant
 * (bias), the score and its margin over the best other hypothesis in points / 100, which kinds of
 * evidence carry the score, and the lead over the best other hypothesis as a share of the larger
 * of the two (scale-free: scores from metrics alone run lower than scores from traces and logs,
 * for the same certainty), alone and times the metric share.
 */
export function calibrationFeatures(
  score: number,
  points: Readonly<Record<string, number>>,
  bestOther = 0,
): Readonly<Record<CalibrationInput, number>> {
  const total = Math.max(score, 1e-9);
  let strong = 0;
  for (const [rule, p] of Object.entries(points)) if (STRONG.has(rule)) strong += p;
  const metricShare = (points['metric-shift'] ?? 0) / total;
  const lead = (score - bestOther) / Math.max(score, bestOther, 1e-9);
  return {
    bias: 1,
    score: score / 100,
    margin: (score - bestOther) / 100,
    metricShare,
    alertShare: (points.alert ?? 0) / total,
    strongShare: strong / total,
    lead,
    metricLead: lead * metricShare,
  };
}
