/**
 * A metric series behind a leading hypothesis' evidence, as the chart draws it: a counter as its
 * per-second rate, every other series as sampled.
 */
export type MovedSeries = {
  readonly service: string;
  /** The series' name and labels, as the evidence names them (`http_requests_total{code=500}`). */
  readonly metric: string;
  /** The evidence's own words for what moved (`its errors rose from 0/s to 1.07/s (robust z 10)`). */
  readonly summary: string;
  readonly perSecond: boolean;
  readonly baselineMedian: number;
  /** Samples in time order (epoch ms); NaN and infinities left out. */
  readonly points: readonly { readonly at: number; readonly value: number }[];
};
