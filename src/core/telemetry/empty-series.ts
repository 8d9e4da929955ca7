import type { ServiceSeries } from '../model/service-series.ts';

/** A zeroed series of `buckets` buckets for `service`. */
export function emptySeries(service: string, buckets: number): ServiceSeries {
  const z = () => new Array<number>(buckets).fill(0);
  return { service, requests: z(), requestErrors: z(), latencySum: z(), logs: z(), errorLogs: z() };
}
