/** About this many points per series is enough to rank on. */
const TARGET_POINTS = 300;
const MIN_STEP_S = 15;
/** Prometheus refuses a query_range with more points than this per series. */
export const MAX_POINTS_PER_SERIES = 11_000;

/**
 * The query_range step (whole seconds) for a window: about 300 points per series, at least 15 s,
 * and never more than Prometheus' 11,000 points per series.
 */
export function fitStep(windowMs: number): number {
  const s = windowMs / 1000;
  return Math.max(MIN_STEP_S, Math.ceil(s / TARGET_POINTS), Math.ceil(s / (MAX_POINTS_PER_SERIES - 1)));
}
