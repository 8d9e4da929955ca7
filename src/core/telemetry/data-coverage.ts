import type { SeriesSet } from '../model/series-set.ts';

/**
 * How much of each time bucket a source holds data for: 1 inside its data, 0.5 at the edge of a
 * recording gap or of the data itself (a bucket cut by the seam is partly covered), 0 in a gap,
 * before the first record and after the last. The end of the data is never silence, and a hole
 * in a recording (a collector restart, a shipper batch not yet indexed) is not an outage.
 */
export type SourceCoverage = {
  readonly traces: Float64Array;
  readonly logs: Float64Array;
};

/** Empty runs shorter than this many buckets are ordinary quiet (or sampling), not a hole. */
const SHORT_RUN = 3;
/** A source is read as continuous when its short empty runs are under this share of its buckets with data. */
const MAX_SHORT_EMPTY_SHARE = 0.1;

export function dataCoverage(series: SeriesSet): SourceCoverage {
  const n = series.buckets;
  const traces = new Float64Array(n);
  const logs = new Float64Array(n);
  for (const s of series.services.values()) {
    for (let b = 0; b < n; b++) {
      traces[b] = (traces[b] as number) + (s.requests[b] as number);
      logs[b] = (logs[b] as number) + (s.logs[b] as number);
    }
  }
  return { traces: coverageOf(traces), logs: coverageOf(logs) };
}

/** Coverage from one source's total record count per bucket. */
function coverageOf(counts: Float64Array): Float64Array {
  const n = counts.length;
  const out = new Float64Array(n);
  let first = -1;
  let last = -1;
  let withData = 0;
  for (let b = 0; b < n; b++) {
    if ((counts[b] as number) <= 0) continue;
    if (first < 0) first = b;
    last = b;
    withData++;
  }
  if (first < 0) return out;
  // Holes in a continuous recording come as long runs of empty buckets; a sampled or quiet source
  // has many short ones, and there an empty bucket is as likely quiet as missing: everything
  // between its first and last record counts as covered.
  let shortEmpty = 0;
  for (let b = first, run = 0; b <= last + 1; b++) {
    if (b <= last && (counts[b] as number) <= 0) run++;
    else {
      if (run > 0 && run < SHORT_RUN) shortEmpty += run;
      run = 0;
    }
  }
  const dense = shortEmpty <= MAX_SHORT_EMPTY_SHARE * withData;
  for (let b = first; b <= last; b++) out[b] = !dense || (counts[b] as number) > 0 ? 1 : 0;
  // Buckets at a seam are partly covered.
  for (let b = first; b <= last; b++) {
    if (out[b] === 0) continue;
    const before = b === 0 ? 1 : (out[b - 1] as number);
    const after = b === n - 1 ? 1 : (out[b + 1] as number);
    if (before === 0 || after === 0) out[b] = 0.5;
  }
  return out;
}
