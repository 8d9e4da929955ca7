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
  // Serilog / .NET, Winston, java.util.logging, zap, glog and their short forms.
  verbose: 'trace',
  vrb: 'trace',
  silly: 'trace',
  finer: 'trace',
  dbg: 'debug',
  d: 'debug',
  config: 'info',
  inf: 'info',
  i: 'info',
  wrn: 'warn',
  w: 'warn',
  eror: 'error',
  e: 'error',
  dpanic: 'error',
  ftl: 'fatal',
  f: 'fatal',
};

/** Normalises a log level name, case-insensitively, with the common aliases (syslog, java.util.logging, Serilog, glog) */
export function parseLogLevel(value: unknown): LogLevel | undefined {
  if (typeof value !== 'string') return undefined;
  return ALIASES[value.trim().toLowerCase()];
}

/**
 * A level given as a number (pino's 30, Python's 40, syslog's 3): the scales disagree (pino's 40
 * is a warning, Python's an error), so the number says nothing for sure and the line's level is
 * read from its words instead, as for a line without one.
 */
export function isNumericLevel(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value));
}
