import type { LogLevel } from '../model/records.ts';
import type { LogStyleId } from '../model/topology-model.ts';

const UPPER: Readonly<Record<LogLevel, string>> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'FATAL',
};
const LOWER: Readonly<Record<LogLevel, string>> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};
const PY: Readonly<Record<LogLevel, string>> = {
  trace: 'debug',
  debug: 'debug',
  info: 'info',
  warn: 'warning',
  error: 'error',
  fatal: 'critical',
};
const SERILOG: Readonly<Record<LogLevel, string>> = {
  trace: 'Verbose',
  debug: 'Debug',
  info: 'Information',
  warn: 'Warning',
  error: 'Error',
  fatal: 'Fatal',
};

/** The `log.level` text each logging library writes (ERROR, error, warning, Warning ...); undefined when it writes none. */
export function levelLabel(style: LogStyleId, level: LogLevel): string | undefined {
  switch (style) {
    case 'logback-ecs':
      return level === 'fatal' ? 'ERROR' : UPPER[level];
    case 'log4j2-ecs':
    case 'slog-json':
      return UPPER[level];
    case 'python-ecs':
    case 'structlog':
      return PY[level];
    case 'serilog-ecs':
      return SERILOG[level];
    case 'nginx-access':
      return level === 'info' ? undefined : LOWER[level];
    default:
      return LOWER[level];
  }
}
