import type { estypes } from '@elastic/elasticsearch';
import { plural } from '../../core/formats/plural.ts';
import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import type { SeriesQuery } from '../../core/ports.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import { createTraceAccumulator } from '../../core/traces/create-trace-accumulator.ts';
import type { EsQuery } from './create-es-query.ts';
import type { EsSettings } from './es-settings.ts';
import { esSpanRecord } from './es-span-record.ts';
import { spanSort } from './span-sort.ts';
import { timeRange } from './time-range.ts';
import type { TracePlan } from './trace-plan.ts';
import { traceSeriesAggs } from './trace-series-aggs.ts';

type Bucket = { key: string; doc_count: number };

/**
 * First look at the spans of the triage range (how many, which services emit them), then either
 * read them all (under the cap) or fetch the per-bucket series as aggregations.
 */
export async function loadTraces(
  es: EsQuery,
  s: EsSettings,
  q: SeriesQuery,
  signal: AbortSignal,
): Promise<SourceResult<TracePlan>> {
  const f = s.traceFields;
  const index = s.indices.traces;
  const range = timeRange(f.start, q.range.from, q.range.to);
  const overview = await es.search(
    {
      index,
      allow_no_indices: false,
      size: 0,
      track_total_hits: true,
      query: range,
      aggs: { services: { terms: { field: f.service[0], size: s.maxServices } } },
    },
    signal,
  );
  const total = totalOf(overview.hits.total);
  if (total === 0) {
    return { state: 'no-data', detail: `no span in ${index} between ${iso(q.range.from)} and ${iso(q.range.to)}` };
  }
  if (total <= s.fullReadMaxSpans) {
    const acc = createTraceAccumulator(q.range);
    const spans = await es.scan<Record<string, unknown>>(
      index,
      { query: range, sort: spanSort(f), _source: true },
      s.fullReadMaxSpans,
      signal,
      (h) => {
        const rec = h._source ? esSpanRecord(h._source, f) : undefined;
        if (rec) acc.add(rec);
      },
    );
    if (acc.spanCount === 0)
      return { state: 'no-data', detail: `none of the ${plural(spans, 'span')} in ${index} could be read` };
    return { state: 'ok', value: { kind: 'full', acc, spans } };
  }
  const aggs = overview.aggregations as { services: { buckets: Bucket[] } } | undefined;
  const raw = (aggs?.services.buckets ?? []).map((b) => String(b.key));
  const instrumented = new Set(raw.map(serviceFromPodName));
  const { series, roots } = await traceSeriesAggs(es, s, q, raw, instrumented, total, signal);
  return { state: 'ok', value: { kind: 'sampled', q, total, instrumented, series, roots, marks: new Map() } };
}

function totalOf(t: number | estypes.SearchTotalHits | undefined): number {
  return typeof t === 'number' ? t : (t?.value ?? 0);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
