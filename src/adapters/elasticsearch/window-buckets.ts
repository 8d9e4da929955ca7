import type { TimeWindow } from '../../core/model/time-window.ts';

/** The grid buckets a window covers, as the log accumulator counts them ([lo, hi)). */
export function windowBuckets(
  w: TimeWindow,
  from: number,
  bucketMs: number,
  buckets: number,
): { lo: number; hi: number } {
  return {
    lo: Math.max(0, Math.ceil((w.from - from) / bucketMs)),
    hi: Math.min(buckets, Math.ceil((w.to - from) / bucketMs)),
  };
}
