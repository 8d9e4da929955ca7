import type { LogPort } from './log-port.ts';

/** A logger that drops everything (unit tests). */
export const SILENT_LOG: LogPort = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => SILENT_LOG,
};
