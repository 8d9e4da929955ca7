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
 * The calibration model's inputs besides score and margin: which kinds of evidence carry a score,
 * and the lead over the best other hypothesis as a share of the larger of the two (scale-free:
 * scores from metrics alone run lower than scores from traces and logs, for the same certainty).
 */
export function calibrationFeatures(
  score: number,
  points: Readonly<Record<string, number>>,
  bestOther = 0,
): { metricShare: number; alertShare: number; strongShare: number; lead: number } {
  const total = Math.max(score, 1e-9);
  let strong = 0;
  for (const [rule, p] of Object.entries(points)) if (STRONG.has(rule)) strong += p;
  return {
    metricShare: (points['metric-shift'] ?? 0) / total,
    alertShare: (points.alert ?? 0) / total,
    strongShare: strong / total,
    lead: (score - bestOther) / Math.max(score, bestOther, 1e-9),
  };
}
