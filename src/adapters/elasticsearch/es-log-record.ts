import { getDotted } from '../../core/formats/get-dotted.ts';
import { parseLogLevel } from '../../core/formats/parse-log-level.ts';
import { parseRfc3339 } from '../../core/formats/parse-rfc3339.ts';
import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import { spanIdKey, traceIdKey } from '../../core/formats/span-ids.ts';
import type { LogRecord } from '../../core/model/log-record.ts';
import type { LogFields } from './log-fields.ts';

/**
 * One log document's `_source` → a LogRecord, read as the file reader reads ECS (flat or nested
 * dotted fields, pod names mapped to their deployment), with configurable field names. Undefined
 * when the time, service or message is missing.
 */
export function esLogRecord(doc: Record<string, unknown>, f: LogFields): LogRecord | undefined {
  const rawTs = getDotted(doc, f.timestamp);
  const ts = typeof rawTs === 'number' ? rawTs : parseRfc3339(rawTs);
  if (ts === undefined) return undefined;
  const service = text(getDotted(doc, f.service));
  if (!service) return undefined;
  const message = text(getDotted(doc, f.message));
  if (message === undefined) return undefined;
  return {
    ts,
    service: serviceFromPodName(service),
    message,
    level: parseLogLevel(getDotted(doc, f.level)),
    traceId: traceIdKey(getDotted(doc, f.traceId)),
    spanId: spanIdKey(getDotted(doc, f.spanId)),
    errorType: text(getDotted(doc, f.errorType)),
    pod: text(getDotted(doc, f.pod)),
  };
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
