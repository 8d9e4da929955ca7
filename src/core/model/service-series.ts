/** Per-bucket counts for one service (all arrays have the series' bucket count). */
export type ServiceSeries = {
  readonly service: string;
  /** Requests served (entry spans; for a dependency, client calls to it). */
  readonly requests: number[];
  readonly requestErrors: number[];
  /** Sum of request durations in ms (mean latency = latencySum / requests). */
  readonly latencySum: number[];
  /**
   * The p90 request duration (ms) per bucket, null where none was served. Only where the trace
   * source read every span (files); absent otherwise (Elasticsearch sends sums, not samples).
   */
  readonly latencyP90?: (number | null)[];
  readonly logs: number[];
  readonly errorLogs: number[];
};
