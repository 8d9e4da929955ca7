/**
 * One metric series as a Prometheus range query returns it (bundle `metrics.ndjson`, or the
 * Prometheus HTTP API), with the service it belongs to already named.
 */
export type MetricSeries = {
  /** `__name__`, '' when the series has none. */
  readonly name: string;
  /** The labels without `__name__`, in name order. */
  readonly labels: Readonly<Record<string, string>>;
  /** The service the labels name, if any (a node's or a cluster's series belongs to none). */
  readonly service: string | undefined;
  /** Sample times, epoch ms, ascending. */
  readonly times: readonly number[];
  /** Sample values (NaN and ±Infinity kept as such). */
  readonly values: readonly number[];
};
