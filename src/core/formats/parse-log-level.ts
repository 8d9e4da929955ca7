import type { LogLevel } from '../model/log-level.ts';

const ALIASES: Readonly<Record<string, LogLevel>> = {
  trace: 'trace',
  finest: 'trace',
  debug: 'debug',
  fine: 'debug',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  severe: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  panic: 'fatal',
};

/** Normalises a log level name, case-insensitively, with the common aliases (syslog, java.util.logging). */
export function parseLogLevel(value: unknown): LogLevel | undefined {
  if (typeof value !== 'string') return undefined;
  return ALIASES[value.trim().toLowerCase()];
}
