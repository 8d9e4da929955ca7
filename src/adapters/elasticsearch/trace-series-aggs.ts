import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import type { SeriesQuery } from '../../core/ports.ts';
import type { TraceSeries } from '../../core/traces/create-trace-accumulator.ts';
import { bucketCounts, type CountSpec } from './bucket-counts.ts';
import type { EsQuery } from './create-es-query.ts';
import type { EsSettings } from './es-settings.ts';
import { serviceGroups } from './service-groups.ts';
import { traceFilters } from './trace-filters.ts';

/** Root spans (one per trace) per grid bucket, and how many of them failed. */
export type RootCounts = { readonly total: number[]; readonly fail: number[] };

/**
 * Per service and grid bucket: requests served (entry spans), failed requests and the sum of their
 * durations, as aggregations; the same for dependencies that emit no spans of their own, from the
 * exit spans that name them (peer.service, server.address ...); and the traces started (roots),
 * failed or not, for weighting samples later. Failures are exact; volumes are sampled above
 * `exactCountsMaxDocs` spans.
 */
export async function traceSeriesAggs(
  es: EsQuery,
  s: EsSettings,
  q: SeriesQuery,
  rawServices: readonly string[],
  instrumented: ReadonlySet<string>,
  total: number,
  signal: AbortSignal,
): Promise<{ series: Map<string, TraceSeries>; roots: RootCounts }> {
  const f = s.traceFields;
  const service = f.service[0] as string;
  const base = { index: s.indices.traces, timeField: f.start };
  const specs: CountSpec[] = [];
  const groups = serviceGroups(rawServices, Math.ceil((q.range.to - q.range.from) / q.bucketMs) * 2);
  for (const group of groups) {
    specs.push({
      ...base,
      filter: [traceFilters.entry(f), { terms: { [service]: group } }],
      key: { field: service, size: group.length },
      error: traceFilters.error(f),
      sums: f.duration,
    });
  }
  f.peer.forEach((field, i) => {
    specs.push({
      ...base,
      filter: [traceFilters.peer(f, i)],
      key: { field, size: s.maxServices },
      error: traceFilters.error(f, true),
      sums: f.duration,
    });
  });
  specs.push({ ...base, filter: [traceFilters.root(f)], error: traceFilters.error(f) });
  const results = await bucketCounts(es, q, specs, total, s.exactCountsMaxDocs, s.requestTimeoutMs, signal);
  const unit = f.durationUnit === 'us' ? 1e3 : 1e6;
  const series = new Map<string, TraceSeries>();
  results.forEach((map, i) => {
    if (i === results.length - 1) return;
    const isPeer = i >= groups.length;
    for (const [key, c] of map) {
      const name = isPeer ? key : serviceFromPodName(key);
      // A peer that emits spans of its own is counted by its entry spans, not by its callers'.
      if (isPeer && instrumented.has(name)) continue;
      let ts = series.get(name);
      if (!ts) {
        const z = () => new Array<number>(c.count.length).fill(0);
        ts = { requests: z(), requestErrors: z(), latencySum: z() };
        series.set(name, ts);
      }
      for (let b = 0; b < c.count.length; b++) {
        (ts.requests[b] as number) += c.count[b] as number;
        (ts.requestErrors[b] as number) += c.errors[b] as number;
        ts.latencySum[b] = (ts.latencySum[b] as number) + (c.sums[b] as number) / unit;
      }
    }
  });
  const roots = results.at(-1)?.get('');
  const z = () => new Array<number>(Math.ceil((q.range.to - q.range.from) / q.bucketMs)).fill(0);
  return { series, roots: { total: roots?.count ?? z(), fail: roots?.errors ?? z() } };
}
