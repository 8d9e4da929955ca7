import type { SourceResult } from '../../core/telemetry/source-result.ts';
import { withTimeout } from '../with-timeout.ts';
import type { FollowUpSources } from './follow-up-sources.ts';

export type PreparedSources = {
  readonly logs: SourceResult<true>;
  readonly traces: SourceResult<true>;
};

/**
 * Reads the sources' series for the incident's grid, in the triage's order (logs and their error
 * marks, then traces), which the windowed queries need first. Sources already read by the triage
 * answer from what they hold.
 */
export async function prepareSources(src: FollowUpSources, signal: AbortSignal): Promise<PreparedSources> {
  const ms = src.sourceTimeoutMs;
  const none = (what: string): SourceResult<true> => ({ state: 'no-data', detail: `no ${what} source configured` });
  const done = <T>(r: SourceResult<T>): SourceResult<true> => (r.state === 'ok' ? { state: 'ok', value: true } : r);
  const { logs, traces } = src;
  if (signal.aborted) return { logs: none('logs'), traces: none('traces') };
  const logSeries = logs ? done(await withTimeout('logs', ms, (s) => logs.series(src.query, s))) : none('logs');
  const marks = logs ? await withTimeout('logs', ms, (s) => logs.errorMarks(src.query, s)) : undefined;
  const traceSeries = traces
    ? done(
        await withTimeout('traces', ms, (s) =>
          traces.series(src.query, marks?.state === 'ok' ? marks.value : new Map(), s),
        ),
      )
    : none('traces');
  return { logs: logSeries, traces: traceSeries };
}
