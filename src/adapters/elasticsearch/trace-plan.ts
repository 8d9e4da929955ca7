import type { SeriesQuery } from '../../core/ports.ts';
import type { TraceAccumulator, TraceSeries } from '../../core/traces/create-trace-accumulator.ts';
import type { ErrorMarks } from '../../core/traces/error-marks.ts';
import type { RootCounts } from './trace-series-aggs.ts';

/**
 * How the trace source answers for one triage range: `full` when every span fits under the read
 * cap (the file reader's accumulator over all of them, so results equal the files'), else
 * `sampled` (series from aggregations, windows from a stratified sample of whole traces).
 */
export type TracePlan =
  | { readonly kind: 'full'; readonly acc: TraceAccumulator; readonly spans: number }
  | {
      readonly kind: 'sampled';
      readonly q: SeriesQuery;
      readonly total: number;
      /** Services that emit spans of their own (everything else seen is a dependency). */
      readonly instrumented: ReadonlySet<string>;
      readonly series: ReadonlyMap<string, TraceSeries>;
      /** Traces started per grid bucket, and failed ones (for weighting the trace sample). */
      readonly roots: RootCounts;
      marks: ErrorMarks;
    };
