import type { SpanRecord } from '../../src/core/model/span-record.ts';

let counter = 0;

/** A span for tests: sensible defaults, override what matters. Times in ms. */
export function span(over: Partial<SpanRecord> & Pick<SpanRecord, 'service'>): SpanRecord {
  counter++;
  return {
    traceId: 't'.repeat(32),
    spanId: counter.toString(16).padStart(16, '0'),
    parentSpanId: undefined,
    name: 'op',
    kind: 'server',
    start: 0,
    end: 10,
    status: 'unset',
    httpStatus: undefined,
    peer: undefined,
    errorText: undefined,
    address: undefined,
    ...over,
  };
}
