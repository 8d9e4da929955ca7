import { getDotted } from '../../core/formats/get-dotted.ts';
import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import { spanIdOf, traceIdOf } from '../../core/formats/span-ids.ts';
import type { SeriesQuery } from '../../core/ports.ts';
import { type ErrorMarks, markText, serviceMark, spanMark } from '../../core/traces/error-marks.ts';
import type { EsQuery } from './create-es-query.ts';
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
      const d = h._source ?? {};
      const traceId = traceIdOf(getDotted(d, f.traceId)) ?? lower(getDotted(d, f.traceId));
      if (!traceId) return;
      const spanId = spanIdOf(getDotted(d, f.spanId)) ?? lower(getDotted(d, f.spanId));
      const service = getDotted(d, f.service);
      const message = getDotted(d, f.message);
      const errorType = getDotted(d, f.errorType);
      const text = markText(
        typeof message === 'string' ? message : '',
        typeof errorType === 'string' ? errorType : undefined,
      );
      // Newest first: each later (older) line overwrites, so the earliest line's text stays.
      if (spanId) marks.set(spanMark(traceId, spanId), text);
      else if (typeof service === 'string') marks.set(serviceMark(traceId, serviceFromPodName(service)), text);
    },
  );
  return marks;
}

function lower(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v.toLowerCase() : undefined;
}
