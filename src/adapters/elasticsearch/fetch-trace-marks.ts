import type { TimeWindow } from '../../core/model/time-window.ts';
import { addMark, type ErrorMarks } from '../../core/traces/error-marks.ts';
import type { EsQuery } from './create-es-query.ts';
import { ERROR_LEVEL_VALUES } from './error-level-values.ts';
import { esErrorMark } from './es-error-mark.ts';
import type { EsSettings } from './es-settings.ts';
import { timeRange } from './time-range.ts';

/**
 * Error logs of the given traces only, as marks for their spans without a status: what the trace
 * sample needs when the logs are too many to read whole. The ids and what each line said travel.
 */
export async function fetchTraceMarks(
  es: EsQuery,
  s: EsSettings,
  traceIds: readonly string[],
  range: TimeWindow,
  signal: AbortSignal,
): Promise<ErrorMarks> {
  const f = s.logFields;
  const marks = new Map<string, string>();
  if (traceIds.length === 0) return marks;
  await es.scan<Record<string, unknown>>(
    s.indices.logs,
    {
      query: {
        bool: {
          filter: [
            timeRange(f.timestamp, range.from, range.to),
            { terms: { [f.traceId]: traceIds } },
            { terms: { [f.level]: ERROR_LEVEL_VALUES } },
          ],
        },
      },
      sort: [{ [f.timestamp]: { order: 'asc' } }, { _shard_doc: { order: 'asc' } }],
      _source: { includes: [f.traceId, f.spanId, f.service, f.message, f.errorType] },
    },
    s.maxErrorMarks,
    signal,
    (h) => {
      const mark = esErrorMark(h._source ?? {}, f);
      if (mark) addMark(marks, mark.key, mark.text);
    },
  );
  return marks;
}
