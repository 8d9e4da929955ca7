import { trace } from '@opentelemetry/api';
import { type DestinationStream, type Logger, pino } from 'pino';
import { REDACT_PATHS } from './redact-paths.ts';

/**
 * The one root logger: JSON lines (pino 10) with an ISO 8601 UTC `time` and the level's name
 * (`"level":"info"`), as log collectors expect them; secrets redacted by path and by value (any string
 * equal to a configured secret is replaced), the active span's trace and span ids on every line.
 * Child loggers per incident and run add `incidentId` / `run`.
 */
export function createLogger(o: {
  readonly level: string;
  readonly name: string;
  readonly knownSecrets?: readonly string[];
  readonly destination?: DestinationStream;
}): Logger {
  const secrets = (o.knownSecrets ?? []).filter((s) => s.length >= 8);
  const scrub = (s: string) => {
    let out = s;
    for (const k of secrets) if (out.includes(k)) out = out.split(k).join('[REDACTED]');
    return out;
  };
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
      hooks: secrets.length
        ? {
            logMethod(args, method) {
              method.apply(
                this,
                args.map((a) =>
                  typeof a === 'string'
                    ? scrub(a)
                    : a && typeof a === 'object'
                      ? JSON.parse(scrub(JSON.stringify(a)))
                      : a,
                ) as Parameters<typeof method>,
              );
            },
          }
        : {},
    },
    o.destination ?? pino.destination({ sync: false }),
  );
}
