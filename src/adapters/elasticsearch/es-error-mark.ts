import { getDotted } from '../../core/formats/get-dotted.ts';
import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import { spanIdKey, traceIdKey } from '../../core/formats/span-ids.ts';
import { markText, serviceMark, spanMark } from '../../core/traces/error-marks.ts';
import type { LogFields } from './log-fields.ts';

/**
 * The error mark an error log document makes (its span's, or its service's entry span in the
 * trace when it has no span id) and what it says; undefined without a trace id.
 */
export function esErrorMark(d: Record<string, unknown>, f: LogFields): { key: string; text: string } | undefined {
  const traceId = traceIdKey(getDotted(d, f.traceId));
  if (!traceId) return undefined;
  const spanId = spanIdKey(getDotted(d, f.spanId));
  const service = getDotted(d, f.service);
  const message = getDotted(d, f.message);
  const errorType = getDotted(d, f.errorType);
  const text = markText(
    typeof message === 'string' ? message : '',
    typeof errorType === 'string' ? errorType : undefined,
  );
  if (spanId) return { key: spanMark(traceId, spanId), text };
  if (typeof service === 'string') return { key: serviceMark(traceId, serviceFromPodName(service)), text };
  return undefined;
}
