import type { SeriesSet } from '../model/series-set.ts';
import type { ServiceSeries } from '../model/service-series.ts';
import type { TraceSeries } from '../traces/create-trace-accumulator.ts';
import type { LogSeries } from './create-log-accumulator.ts';
import { emptySeries } from './empty-series.ts';

/** Puts trace and log series (same grid) together per service. */
export function mergeSeries(
  start: number,
  bucketMs: number,
  buckets: number,
  traces: ReadonlyMap<string, TraceSeries> | undefined,
  logs: ReadonlyMap<string, LogSeries> | undefined,
): SeriesSet {
  const services = new Map<string, ServiceSeries>();
  const get = (svc: string) => {
    let s = services.get(svc);
    if (!s) {
      s = emptySeries(svc, buckets);
      services.set(svc, s);
    }
    return s;
  };
  const copy = (to: number[], from: readonly number[]) => {
    for (let i = 0; i < buckets && i < from.length; i++) to[i] = (to[i] as number) + (from[i] as number);
  };
  for (const [svc, t] of traces ?? []) {
    const s = get(svc);
    copy(s.requests, t.requests);
    copy(s.requestErrors, t.requestErrors);
    copy(s.latencySum, t.latencySum);
    if (t.latencyP90) services.set(svc, { ...s, latencyP90: t.latencyP90.slice(0, buckets) });
  }
  for (const [svc, l] of logs ?? []) {
    const s = get(svc);
    copy(s.logs, l.logs);
    copy(s.errorLogs, l.errorLogs);
  }
  return { start, bucketMs, buckets, services };
}
