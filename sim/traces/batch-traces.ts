import type { SpanRec } from '../model/records.ts';

export type BatchPolicy = {
  /** Tail-sampling decision wait: a trace is released this long after its last span. */
  readonly decisionWaitMs: number;
  /** Batch processor timeout and size. */
  readonly timeoutMs: number;
  readonly maxSpans: number;
};

/**
 * Groups kept traces the way a collector with tail sampling and a batch processor emits
 * them: whole traces released after the decision wait, batched by time window and size.
 */
export function batchTraces(
  traces: readonly (readonly SpanRec[])[],
  skewOf: (service: string) => number,
  policy: BatchPolicy,
): SpanRec[][] {
  const released = traces.map((spans) => {
    let last = 0;
    for (const s of spans) last = Math.max(last, s.end + skewOf(s.service));
    return { at: last + policy.decisionWaitMs, spans };
  });
  released.sort((a, b) => a.at - b.at);
  const batches: SpanRec[][] = [];
  let cur: SpanRec[] = [];
  let openedAt = 0;
  for (const r of released) {
    if (cur.length > 0 && (r.at - openedAt > policy.timeoutMs || cur.length + r.spans.length > policy.maxSpans)) {
      batches.push(cur);
      cur = [];
    }
    if (cur.length === 0) openedAt = r.at;
    cur.push(...r.spans);
  }
  if (cur.length > 0) batches.push(cur);
  return batches;
}
