import type { ServiceSeries } from './service-series.ts';

/** Time series of every service over [start, start + buckets * bucketMs). */
export type SeriesSet = {
  readonly start: number;
  readonly bucketMs: number;
  readonly buckets: number;
  readonly services: ReadonlyMap<string, ServiceSeries>;
};
