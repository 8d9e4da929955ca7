/** Where a trace schema keeps each thing a span needs (first field present wins where a list is given). */
export type TraceFields = {
  readonly schema: 'elastic-apm' | 'otel';
  readonly traceId: readonly string[];
  readonly spanId: readonly string[];
  readonly parentId: readonly string[];
  readonly service: readonly string[];
  readonly name: readonly string[];
  readonly kind: readonly string[];
  /** The span's start: a `date_nanos` (or `date`) field. */
  readonly start: string;
  readonly duration: readonly string[];
  readonly durationUnit: 'us' | 'ns';
  /** The span's status (`event.outcome` in Elastic APM, `status.code` in OTel). */
  readonly status: string;
  readonly errorValues: readonly string[];
  readonly okValues: readonly string[];
  readonly httpStatus: readonly string[];
  /** The callee of an exit span (a dependency that emits no spans of its own). */
  readonly peer: readonly string[];
  /** The address an exit span called (server.address). */
  readonly address: readonly string[];
  /** Elastic APM's `processor.event` (transaction | span); empty for OTel. */
  readonly event: string;
  /** What a span says of its failure, joined in this order (error type, status message, exception type and message). */
  readonly errorText: readonly string[];
  /** Orders documents as the bundle had them (written by `causeway seed`); optional. */
  readonly sequence: string;
};
