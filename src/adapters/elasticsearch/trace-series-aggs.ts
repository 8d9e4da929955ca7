import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import type { SeriesQuery } from '../../core/ports.ts';
import type { TraceSeries } from '../../core/traces/create-trace-accumulator.ts';
import type { EsQuery, SearchParams } from './create-es-query.ts';
import type { EsSettings } from './es-settings.ts';
import { gridHistogram } from './grid-buckets.ts';
import { serviceGroups } from './service-groups.ts';
import { timeRange } from './time-range.ts';
import { traceFilters } from './trace-filters.ts';

type Metric = { value: number | null };
type TimeBucket = { key: number; doc_count: number; err: { doc_count: number } } & Record<string, unknown>;
type KeyBucket = { key: string; t: { buckets: TimeBucket[] } };

/**
 * Per service and grid bucket: requests served (entry spans), failed requests and the sum of their
 * durations, as aggregations; and the same for dependencies that emit no spans of their own,
 * from the exit spans that name them (peer.service, server.address ...).
 */
export async function traceSeriesAggs(
  es: EsQuery,
  s: EsSettings,
  q: SeriesQuery,
  rawServices: readonly string[],
  instrumented: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<Map<string, TraceSeries>> {
  const f = s.traceFields;
  const grid = gridHistogram(f.start, q);
  const range = timeRange(f.start, q.range.from, q.range.to);
  const lat = Object.fromEntries(f.duration.map((field, i) => [`lat${i}`, { sum: { field } }]));
  const histo = (call: boolean) => ({
    date_histogram: grid.agg,
    aggs: { err: { filter: traceFilters.error(f, call) }, ...lat },
  });
  const searches: SearchParams[] = [];
  const body = (filter: Record<string, unknown>[], field: string, size: number, call: boolean) => ({
    size: 0,
    timeout: `${s.requestTimeoutMs}ms`,
    query: { bool: { filter: [range, ...filter] } },
    aggs: { k: { terms: { field, size }, aggs: { t: histo(call) } } },
  });
  for (const group of serviceGroups(rawServices, grid.buckets * 2)) {
    searches.push(
      { index: s.indices.traces, allow_no_indices: false },
      body(
        [traceFilters.entry(f), { terms: { [f.service[0] as string]: group } }],
        f.service[0] as string,
        group.length,
        false,
      ),
    );
  }
  f.peer.forEach((field, i) => {
    searches.push(
      { index: s.indices.traces, allow_no_indices: false },
      body([traceFilters.peer(f, i)], field, s.maxServices, true),
    );
  });
  const out = new Map<string, TraceSeries>();
  const responses = await es.msearch(searches, signal);
  responses.forEach((r, n) => {
    const isPeer = n >= responses.length - f.peer.length;
    const aggs = r.aggregations as { k: { buckets: KeyBucket[] } } | undefined;
    for (const kb of aggs?.k.buckets ?? []) {
      const name = isPeer ? String(kb.key) : serviceFromPodName(String(kb.key));
      // A peer that emits spans of its own is counted by its entry spans, not by its callers'.
      if (isPeer && instrumented.has(name)) continue;
      let ts = out.get(name);
      if (!ts) {
        const z = () => new Array<number>(grid.buckets).fill(0);
        ts = { requests: z(), requestErrors: z(), latencySum: z() };
        out.set(name, ts);
      }
      for (const tb of kb.t.buckets) {
        const b = Math.round((tb.key - q.range.from) / q.bucketMs);
        if (b < 0 || b >= grid.buckets) continue;
        let sum = 0;
        for (let i = 0; i < f.duration.length; i++) sum += (tb[`lat${i}`] as Metric | undefined)?.value ?? 0;
        (ts.requests[b] as number) += tb.doc_count;
        (ts.requestErrors[b] as number) += tb.err.doc_count;
        ts.latencySum[b] = (ts.latencySum[b] as number) + sum / (f.durationUnit === 'us' ? 1e3 : 1e6);
      }
    }
  });
  return out;
}
