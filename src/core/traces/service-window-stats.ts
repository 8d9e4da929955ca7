import type { Distribution } from '../stats/distribution.ts';

/** What one service did in one window. Trace fields are 0 when there are no traces, log fields when no logs. */
export type ServiceWindowStats = {
  /** Requests it served (entry spans; for a dependency, the client calls it received). */
  requests: number;
  requestErrors: number;
  /** Failing traces whose failure started here (fractional shares). */
  originErrors: number;
  /** Of those, the ones known to fail only from error logs joined by trace id (no span status). */
  originErrorsFromLogs: number;
  /** Traces it took part in, and how many of them failed. */
  traces: number;
  failingTraces: number;
  /** Per-trace time spent in the service itself (ms). */
  selfTime: Distribution;
  /** Incident window only: how many of its self-time samples exceed the baseline's p90. */
  selfTimeOverBaselineP90: number;
  /** …and how many exceed the baseline's p99 (its largest sample when it has 100 or fewer). */
  selfTimeOverBaselineP99: number;
  /** Incident window only: of its self time, ms that calls to or from it spent outside their callee's spans, on calls where that time grew. */
  selfTimeFromGaps: number;
  /** Duration of the requests it served (ms). */
  latency: Distribution;
  logs: number;
  errorLogs: number;
  warnLogs: number;
  /** Error logs carrying a trace id whose failure origin is known, and how many of those started elsewhere. */
  attributedErrorLogs: number;
  propagatedErrorLogs: number;
};
