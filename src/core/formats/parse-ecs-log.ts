import type { LogRecord } from '../model/log-record.ts';
import type { Result } from '../result/result.ts';
import type { FieldError } from './field-error.ts';
import { getDotted } from './get-dotted.ts';
import { isNumericLevel, parseLogLevel } from './parse-log-level.ts';
import { parseRfc3339 } from './parse-rfc3339.ts';
import { serviceFromPodName } from './service-from-pod-name.ts';
import { spanIdKey, traceIdKey } from './span-ids.ts';

/** One ECS log document → a LogRecord, or the first field that is wrong. */
export function parseEcsLog(doc: unknown): Result<LogRecord, FieldError> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, error: { field: '(line)', message: 'expected a JSON object' } };
  }
  const d = doc as Record<string, unknown>;
  const rawTs = getDotted(d, '@timestamp');
  const ts = parseRfc3339(rawTs);
  if (ts === undefined) {
    return {
      ok: false,
      error: {
        field: '@timestamp',
        message:
          rawTs === undefined
            ? 'missing (required, RFC 3339 with a zone)'
            : `${JSON.stringify(rawTs)} is not RFC 3339 with a zone`,
      },
    };
  }
  const service = text(getDotted(d, 'service.name'));
  if (!service) return { ok: false, error: { field: 'service.name', message: 'missing or empty (required)' } };
  const message = text(getDotted(d, 'message'));
  if (message === undefined) return { ok: false, error: { field: 'message', message: 'missing (required)' } };
  const rawLevel = getDotted(d, 'log.level');
  const level = parseLogLevel(rawLevel);
  if (rawLevel !== undefined && rawLevel !== null && level === undefined && !isNumericLevel(rawLevel)) {
    return {
      ok: false,
      error: {
        field: 'log.level',
        message: `${JSON.stringify(rawLevel)} is not one of trace, debug, info, warn, error, fatal`,
      },
    };
  }
  const pod = text(getDotted(d, 'kubernetes.pod.name'));
  return {
    ok: true,
    value: {
      ts,
      service: serviceFromPodName(service),
      message,
      level,
      traceId: traceIdKey(getDotted(d, 'trace.id')),
      spanId: spanIdKey(getDotted(d, 'span.id')),
      errorType: text(getDotted(d, 'error.type')),
      pod,
    },
  };
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
