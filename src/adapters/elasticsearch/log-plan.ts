import type { SeriesQuery } from '../../core/ports.ts';
import type { LogAccumulator } from '../../core/telemetry/create-log-accumulator.ts';
import type { LevelClasses } from './level-classes.ts';
import type { LevelSeries } from './level-series.ts';

/**
 * How the log source answers for one triage range: `full` when every document fits under the
 * read cap (read in bundle order into the file reader's accumulator, so results equal the
 * files'), else `sampled` (series from aggregations, templates from a stratified sample).
 */
export type LogPlan =
  | { readonly kind: 'full'; readonly acc: LogAccumulator; readonly docs: number }
  | {
      readonly kind: 'sampled';
      readonly q: SeriesQuery;
      readonly total: number;
      readonly levels: LevelClasses;
      readonly series: ReadonlyMap<string, LevelSeries>;
      /** The stored service names (pod names too) behind each service. */
      readonly raw: ReadonlyMap<string, readonly string[]>;
    };
