import type { Logger } from 'pino';
import type { LogPort } from '../../core/ingest/log-port.ts';

/** A pino logger as the app's LogPort (fields first, then the message). */
export function toLogPort(l: Logger): LogPort {
  return {
    debug: (f, m) => l.debug(f, m),
    info: (f, m) => l.info(f, m),
    warn: (f, m) => l.warn(f, m),
    error: (f, m) => l.error(f, m),
    child: (b) => toLogPort(l.child(b)),
  };
}
