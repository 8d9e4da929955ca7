import type { LogLevel } from '../model/log-level.ts';

/** How much a log line of this level says about a fault. */
export function levelWeight(level: LogLevel | undefined): number {
  switch (level) {
    case 'fatal':
    case 'error':
      return 1;
    case 'warn':
      return 0.6;
    case 'info':
    case undefined:
      return 0.25;
    default:
      return 0.1;
  }
}
