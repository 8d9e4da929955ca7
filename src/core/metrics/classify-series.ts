import { classifyMetric, type MetricClass } from './classify-metric.ts';
import type { MetricSeries } from './metric-series.ts';

const STATUS_LABELS = ['code', 'status', 'status_code', 'http_status_code', 'response_code', 'grpc_code'] as const;
const SERVER_ERROR = /^(5\d\d|5xx|internal|unavailable|unknown|deadline_exceeded|data_loss)$/i;

/**
 * What one series measures: its name's class (see classify-metric), corrected by what the series
 * itself shows. A request count whose status label is a server error (`code="500"`, gRPC
 * `UNAVAILABLE`) counts errors. `_count`, `_sum` and `_bucket` (a histogram's or summary's parts)
 * are counters when their samples only grow, apart from rare resets — a statistic named `_sum`
 * that goes up and down (a CloudWatch period sum) stays a gauge.
 */
export function classifySeries(s: MetricSeries): MetricClass {
  const cls = classifyMetric(s.name);
  const counter = cls.counter || (/_(count|sum|bucket)$/i.test(s.name) && growsOnly(s.values));
  const status = STATUS_LABELS.map((k) => s.labels[k]).find((v) => v !== undefined);
  if (status !== undefined && SERVER_ERROR.test(status) && (cls.signal === 'load' || cls.signal === 'other'))
    return { signal: 'errors', bad: 'up', counter };
  // A histogram's or summary's `_sum` of durations, as a rate, is busy time, and its `_count` the
  // requests it timed: load, not latency.
  if (/_(sum|count)$/i.test(s.name) && (cls.signal === 'latency' || cls.signal === 'caller-latency'))
    return { signal: 'load', bad: 'both', counter };
  return counter === cls.counter ? cls : { ...cls, counter };
}

/** Non-decreasing over at least 90% of its steps (a reset is a drop), and larger at the end. */
function growsOnly(values: readonly number[]): boolean {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length < 3) return false;
  let drops = 0;
  for (let k = 1; k < xs.length; k++) if ((xs[k] as number) < (xs[k - 1] as number)) drops++;
  return drops <= 0.1 * (xs.length - 1) && (xs[xs.length - 1] as number) > (xs[0] as number);
}
