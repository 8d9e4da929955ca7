import type { LogLevel } from './log-level.ts';

/** One log line, normalised from ECS. Times are epoch milliseconds. */
export type LogRecord = {
  readonly ts: number;
  readonly service: string;
  readonly message: string;
  readonly level: LogLevel | undefined;
  readonly traceId: string | undefined;
  readonly spanId: string | undefined;
  readonly errorType: string | undefined;
  readonly pod: string | undefined;
};
