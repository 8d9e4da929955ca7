/** A call from one service (or dependency) to another, seen in a trace. */
export type CallFact = {
  readonly from: string;
  readonly to: string;
  readonly start: number;
  readonly durationMs: number;
  readonly error: boolean;
};

/** A request served by a service (an entry span), or a call received by an uninstrumented dependency. */
export type RequestFact = {
  readonly service: string;
  readonly start: number;
  readonly durationMs: number;
  readonly error: boolean;
};

/** What one trace says, in the terms the ranking uses. */
export type TraceFacts = {
  readonly traceId: string;
  readonly start: number;
  readonly failing: boolean;
  /** Where the failure started: service → share (the shares of a failing trace sum to 1). */
  readonly origins: ReadonlyMap<string, number>;
  /** Time each service spent itself (not waiting on a callee), ms; uninstrumented dependencies included. */
  readonly selfTime: ReadonlyMap<string, number>;
  readonly requests: readonly RequestFact[];
  readonly calls: readonly CallFact[];
  /** Services the trace passed through (with dependencies). */
  readonly services: ReadonlySet<string>;
};
