import type { SeriesQuery } from '../../core/ports.ts';
import type { InvestigateOptions } from '../investigate-options.ts';

/** The grid `investigate` reads its sources with for an incident at `asOf` (follow-ups reuse it). */
export function triageQuery(options: InvestigateOptions, asOf: number): SeriesQuery {
  const horizon = asOf + options.graceMs;
  const from = asOf - options.lookbackMs;
  const buckets = Math.ceil((horizon - from) / options.bucketMs);
  return { range: { from, to: from + buckets * options.bucketMs }, bucketMs: options.bucketMs };
}
