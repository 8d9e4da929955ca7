import type { SeriesQuery } from '../../core/ports.ts';
import type { ErrorMarks } from '../../core/traces/error-marks.ts';
import type { EsQuery } from './create-es-query.ts';
import { esErrorMark } from './es-error-mark.ts';
import type { EsSettings } from './es-settings.ts';
import type { LevelClasses } from './level-classes.ts';
import { timeRange } from './time-range.ts';

/**
 * Error logs that carry a trace id, as marks for spans without a status (the most recent
 * `maxErrorMarks` of them): the ids and what the line said travel.
 */
export async function fetchErrorMarks(
  es: EsQuery,
  s: EsSettings,
  q: SeriesQuery,
  levels: LevelClasses,
  signal: AbortSignal,
): Promise<ErrorMarks> {
  const f = s.logFields;
  const marks = new Map<string, string>();
  if (levels.error.length === 0) return marks;
  await es.scan<Record<string, unknown>>(
    s.indices.logs,
    {
      query: {
        bool: {
          filter: [
            timeRange(f.timestamp, q.range.from, q.range.to),
            { terms: { [f.level]: levels.error } },
            { exists: { field: f.traceId } },
          ],
        },
      },
      sort: [{ [f.timestamp]: { order: 'desc' } }, { _shard_doc: { order: 'asc' } }],
      _source: { includes: [f.traceId, f.spanId, f.service, f.message, f.errorType] },
    },
    s.maxErrorMarks,
    signal,
    (h) => {
      const mark = esErrorMark(h._source ?? {}, f);
      // Newest first: each later (older) line overwrites, so the earliest line's text stays.
      if (mark) marks.set(mark.key, mark.text);
    },
  );
  return marks;
}
