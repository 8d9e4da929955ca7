/** A call from one service (or dependency) to another, seen in a trace. */
export type CallFact = {
  readonly from: string;
  readonly to: string;
  /** The address called, for calls to uninstrumented dependencies. */
  readonly address?: string;
  /** What the failed call's span says of the failure. */
  readonly errorText?: string;
  readonly start: number;
  readonly durationMs: number;
  readonly error: boolean;
};

/**
 * Time a call spent between the caller and the callee's own span (the client span minus the
 * server span it covers): the network, and the callee's queues before its code starts; for a
 * call to an uninstrumented dependency, the whole call. Whose it is depends on which other calls
 * got slower the same way, so it is kept apart from self time.
 */
export type GapFact = {
  readonly from: string;
  readonly to: string;
  /** A call to an uninstrumented dependency: all of it is outside any span of the callee. */
  readonly leaf?: true;
  /** The operation the caller was entered by. */
  readonly operation: string;
  readonly start: number;
  readonly ms: number;
};

/** A request served by a service (an entry span), or a call received by an uninstrumented dependency. */
export type RequestFact = {
  readonly service: string;
  readonly start: number;
  readonly durationMs: number;
  readonly error: boolean;
};

/** Where a request entered a service, and whom the service called while handling it. */
export type EntryFact = {
  readonly service: string;
  readonly operation: string;
  readonly callees: readonly string[];
  /** The service it called last while serving this request ('' when it called none). */
  readonly last?: string;
};

/** A failure that is a service's own (not a failed call), with the entry it happened under and what its span said. */
export type OriginEntryFact = EntryFact & { readonly share: number; readonly errorText?: string };

/** A failure at a call to an uninstrumented dependency: who called, whom, at which address, and the dependency's share. */
export type PeerOriginFact = {
  readonly caller: string;
  readonly peer: string;
  readonly address: string | undefined;
  readonly share: number;
  readonly durationMs: number;
  readonly errorText: string | undefined;
};

/** What one trace says, in the terms the ranking uses. */
export type TraceFacts = {
  readonly traceId: string;
  readonly start: number;
  readonly failing: boolean;
  /** Where the failure started: service → share (the shares of a failing trace sum to 1). */
  readonly origins: ReadonlyMap<string, number>;
  /** The failing spans that failed on their own, under which entry and with which calls made. */
  readonly originEntries: readonly OriginEntryFact[];
  /** How much the origins can be trusted: 1 when spans carry error statuses, less when only error logs mark the failure. */
  readonly originCertainty: number;
  /** The failures at calls to uninstrumented dependencies. */
  readonly peerOrigins: readonly PeerOriginFact[];
  /** Every service entry in the trace (to learn which callees an operation normally calls). */
  readonly entries: readonly EntryFact[];
  /** Time each service spent itself (not waiting on a callee), ms; uninstrumented dependencies included. */
  readonly selfTime: ReadonlyMap<string, number>;
  /** Time spent between callers and instrumented callees (not in `selfTime`). */
  readonly gaps: readonly GapFact[];
  /** The same per service and operation it was entered by (services only, not dependencies). */
  readonly operationSelfTime: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly requests: readonly RequestFact[];
  readonly calls: readonly CallFact[];
  /** Services the trace passed through (with dependencies). */
  readonly services: ReadonlySet<string>;
};
