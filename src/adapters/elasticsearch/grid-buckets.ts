import type { SeriesQuery } from '../../core/ports.ts';

/**
 * A date_histogram on the triage grid (buckets of `bucketMs` from `range.from`), and the number
 * of buckets, so that a bucket key maps to the grid index `(key - from) / bucketMs`.
 */
export function gridHistogram(field: string, q: SeriesQuery): { agg: Record<string, unknown>; buckets: number } {
  const offset = ((q.range.from % q.bucketMs) + q.bucketMs) % q.bucketMs;
  return {
    agg: {
      field,
      fixed_interval: `${q.bucketMs}ms`,
      ...(offset ? { offset: `${offset}ms` } : {}),
      min_doc_count: 1,
    },
    buckets: Math.max(1, Math.ceil((q.range.to - q.range.from) / q.bucketMs)),
  };
}
