import { getDotted } from '../../core/formats/get-dotted.ts';
import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import { spanIdOf, traceIdOf } from '../../core/formats/span-ids.ts';
import type { TimeWindow } from '../../core/telemetry/time-window.ts';
import { addMark, type ErrorMarks, markText, serviceMark, spanMark } from '../../core/traces/error-marks.ts';
import type { EsQuery } from './create-es-query.ts';
import { ERROR_LEVEL_VALUES } from './error-level-values.ts';
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
      if (spanId) addMark(marks, spanMark(traceId, spanId), text);
      else if (typeof service === 'string') addMark(marks, serviceMark(traceId, serviceFromPodName(service)), text);
    },
  );
  return marks;
}

function lower(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v.toLowerCase() : undefined;
}
