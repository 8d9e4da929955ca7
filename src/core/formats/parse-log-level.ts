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

/** Numeric levels: pino / bunyan (10 … 60) and syslog severities (0 emergency … 7 debug). */
const NUMERIC: Readonly<Record<number, LogLevel>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
  0: 'fatal',
  1: 'fatal',
  2: 'fatal',
  3: 'error',
  4: 'warn',
  5: 'info',
  6: 'info',
  7: 'debug',
};

/** Normalises a log level name, case-insensitively, with the common aliases (syslog, java.util.logging, Serilog, glog) and numeric levels (pino, syslog). */
export function parseLogLevel(value: unknown): LogLevel | undefined {
  if (typeof value === 'number') return NUMERIC[value];
  if (typeof value !== 'string') return undefined;
  const name = value.trim().toLowerCase();
  return ALIASES[name] ?? (/^\d+$/.test(name) ? NUMERIC[Number(name)] : undefined);
}
