import type { LogLevel } from '../model/log-level.ts';

/** One log template of one service, counted in each window. */
export type LogPatternStats = {
  readonly service: string;
  readonly templateId: number;
  readonly template: string;
  /** The most severe level seen for this template. */
  readonly level: LogLevel | undefined;
  readonly baseline: number;
  readonly incident: number;
  readonly example: string;
  readonly exampleTraceId: string | undefined;
  readonly errorType: string | undefined;
};
