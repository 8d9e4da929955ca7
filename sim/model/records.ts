import type { Failure } from './failure-model.ts';

export type AttrValue = string | number | boolean;

/** A span as the simulator plans it; turned into a real SDK span only if the trace is kept. */
export type SpanRec = {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentId: string | undefined;
  /** The parent lives in another process. */
  readonly remoteParent: boolean;
  readonly service: string;
  readonly pod: string;
  readonly incarnation: string;
  readonly scope: string;
  readonly name: string;
  readonly kind: 1 | 2 | 3 | 4 | 5;
  start: number;
  end: number;
  status: 0 | 1 | 2;
  statusMessage: string | undefined;
  readonly attrs: Record<string, AttrValue>;
  /** An exception event recorded on the span (rendered in the service's language when kept). */
  exception: { readonly failure: Failure; readonly at: number } | undefined;
};

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Something a service logs, in semantic form; sim/logs turns it into an ECS document in the service's style. */
export type LogEvent = {
  readonly t: number;
  readonly service: string;
  readonly pod: string;
  readonly level: LogLevel;
  readonly event: string;
  readonly params: Readonly<Record<string, string | number | undefined>>;
  readonly failure?: Failure;
  readonly traceId?: string;
  readonly spanId?: string;
};
