export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/** One span, normalised from OTLP or an Elasticsearch trace document. Times are epoch milliseconds (fractional). */
export type SpanRecord = {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly service: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly start: number;
  readonly end: number;
  /** `unset` is common in real exports: then errors come from the HTTP status, logs and latency. */
  readonly status: 'unset' | 'ok' | 'error';
  readonly httpStatus: number | undefined;
  /** For client/producer spans: the callee named by `peer.service`, else `server.address`. */
  readonly peer: string | undefined;
  /** For client/producer spans: the address called (`server.address`), which a config change may alter. */
  readonly address: string | undefined;
  /** What the span says of its failure: `error.type`, the status message, the first exception event (clipped). */
  readonly errorText: string | undefined;
};
