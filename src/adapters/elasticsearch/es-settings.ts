import type { LogFields } from './log-fields.ts';
import type { TraceFields } from './trace-fields.ts';

/** Everything the Elasticsearch connectors need to know, resolved from the configuration once. */
export type EsSettings = {
  /** The server, for messages ("connection refused to …"); the client is passed in separately. */
  readonly url: string;
  readonly indices: { readonly logs: string; readonly traces: string; readonly changes: string };
  readonly logFields: LogFields;
  readonly traceFields: TraceFields;
  /** Each request's own deadline (the caller's per-source timeout still applies on top). */
  readonly requestTimeoutMs: number;
  /** Up to this many documents in the triage range, a source reads them all (results equal the files'). */
  readonly fullReadMaxLogs: number;
  readonly fullReadMaxSpans: number;
  readonly logSamplePerStratum: number;
  readonly traceSamplePerStratum: number;
  readonly maxErrorMarks: number;
  /** Above this many documents, volume series come from Elasticsearch's random_sampler (errors stay exact). */
  readonly exactCountsMaxDocs: number;
  readonly maxServices: number;
  readonly maxChanges: number;
  readonly kibanaUrl: string;
};
