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

/** The calibration model's inputs besides score and margin: which kinds of evidence carry a score. */
export function calibrationFeatures(
  score: number,
  points: Readonly<Record<string, number>>,
): { metricShare: number; alertShare: number; strongShare: number } {
  const total = Math.max(score, 1e-9);
  let strong = 0;
  for (const [rule, p] of Object.entries(points)) if (STRONG.has(rule)) strong += p;
  return {
    metricShare: (points['metric-shift'] ?? 0) / total,
    alertShare: (points.alert ?? 0) / total,
    strongShare: strong / total,
  };
}
