import { trace } from '@opentelemetry/api';
import { type DestinationStream, type Logger, pino } from 'pino';
import { redactSecrets, redactText } from '../../core/audit/redact-secrets.ts';
import type { JsonValue } from '../../core/model/json-value.ts';
import { REDACT_PATHS } from './redact-paths.ts';

/**
 * The one root logger: JSON lines (pino 10) with an ISO 8601 UTC `time` and the level's name
 * (`"level":"info"`), as log collectors expect them; secrets redacted by path and by value, the same
 * way the chat and the audit trail redact them (`redactSecrets` with the one `configSecrets` list:
 * every configured secret, and anything secret-shaped), the active span's trace and span ids on every line.
 * Child loggers per incident and run add `incidentId` / `run`.
 */
export function createLogger(o: {
  readonly level: string;
  readonly name: string;
  readonly knownSecrets?: readonly string[];
  readonly destination?: DestinationStream;
}): Logger {
  const secrets = o.knownSecrets ?? [];
  return pino(
    {
      name: o.name,
      level: o.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACT_PATHS], censor: '[REDACTED]' },
      mixin() {
        const s = trace.getActiveSpan()?.spanContext();
        return s ? { trace_id: s.traceId, span_id: s.spanId } : {};
      },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) =>
              typeof a === 'string'
                ? redactText(a, secrets)
                : a && typeof a === 'object'
                  ? redactSecrets(JSON.parse(JSON.stringify(a)) as JsonValue, secrets)
                  : a,
            ) as Parameters<typeof method>,
          );
        },
      },
    },
    o.destination ?? pino.destination({ sync: false }),
  );
}
