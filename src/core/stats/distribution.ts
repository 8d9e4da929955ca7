/** A summary of a sample of durations (ms). */
export type Distribution = {
  readonly n: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
};
