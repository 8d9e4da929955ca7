import type { Distribution } from '../stats/distribution.ts';
import type { ServiceWindowStats } from './service-window-stats.ts';

const NONE: Distribution = { n: 0, mean: 0, p50: 0, p90: 0, p99: 0 };

export function emptyWindowStats(): ServiceWindowStats {
  return {
    requests: 0,
    requestErrors: 0,
    originErrors: 0,
    originErrorsFromLogs: 0,
    traces: 0,
    failingTraces: 0,
    selfTime: NONE,
    selfTimeOverBaselineP90: 0,
    selfTimeOverBaselineP99: 0,
    selfTimeFromGaps: 0,
    latency: NONE,
    logs: 0,
    errorLogs: 0,
    warnLogs: 0,
    attributedErrorLogs: 0,
    propagatedErrorLogs: 0,
  };
}
