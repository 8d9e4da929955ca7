import type { estypes } from '@elastic/elasticsearch';
import { plural } from '../../core/formats/plural.ts';
import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import type { SeriesQuery } from '../../core/ports.ts';
import { createLogAccumulator } from '../../core/telemetry/create-log-accumulator.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import type { EsQuery } from './create-es-query.ts';
import { esLogRecord } from './es-log-record.ts';
import type { EsSettings } from './es-settings.ts';
import { levelClasses } from './level-classes.ts';
import type { LogPlan } from './log-plan.ts';
import { logSeriesAggs } from './log-series-aggs.ts';
import { timeRange } from './time-range.ts';

type Bucket = { key: string; doc_count: number };

/**
 * First look at the logs of the triage range (one aggregation: how many, which levels, which
 * services), then either read them all (under the cap) or fetch the per-bucket series as
 * aggregations.
 */
export async function loadLogs(
  es: EsQuery,
  s: EsSettings,
  q: SeriesQuery,
  signal: AbortSignal,
): Promise<SourceResult<LogPlan>> {
  const f = s.logFields;
  const index = s.indices.logs;
  const range = timeRange(f.timestamp, q.range.from, q.range.to);
  const overview = await es.search(
    {
      index,
      allow_no_indices: false,
      size: 0,
      track_total_hits: true,
      query: range,
      aggs: {
        levels: { terms: { field: f.level, size: 200 } },
        services: { terms: { field: f.service, size: s.maxServices } },
      },
    },
    signal,
  );
  const total = totalOf(overview.hits.total);
  if (total === 0) {
    return { state: 'no-data', detail: `no log in ${index} between ${iso(q.range.from)} and ${iso(q.range.to)}` };
  }
  if (total <= s.fullReadMaxLogs) {
    const acc = createLogAccumulator(q.range, q.bucketMs);
    const seq = f.sequence
      ? [{ [f.sequence]: { order: 'asc', missing: '_last', unmapped_type: 'long' } } as const]
      : [];
    const docs = await es.scan<Record<string, unknown>>(
      index,
      {
        query: range,
        sort: [...seq, { [f.timestamp]: { order: 'asc' } }, { _shard_doc: { order: 'asc' } }],
        _source: { includes: Object.values(f).filter(Boolean) },
      },
      s.fullReadMaxLogs,
      signal,
      (h) => {
        const rec = h._source ? esLogRecord(h._source, f) : undefined;
        if (rec) acc.add(rec);
      },
    );
    if (acc.lineCount === 0)
      return { state: 'no-data', detail: `none of the ${plural(docs, 'log')} in ${index} could be read` };
    return { state: 'ok', value: { kind: 'full', acc, docs } };
  }
  const aggs = overview.aggregations as { levels: { buckets: Bucket[] }; services: { buckets: Bucket[] } } | undefined;
  const levels = levelClasses((aggs?.levels.buckets ?? []).map((b) => String(b.key)));
  const services = (aggs?.services.buckets ?? []).map((b) => String(b.key));
  const series = await logSeriesAggs(es, s, q, levels, services, total, signal);
  const raw = new Map<string, string[]>();
  for (const name of services) {
    const svc = serviceFromPodName(name);
    raw.set(svc, [...(raw.get(svc) ?? []), name]);
  }
  return { state: 'ok', value: { kind: 'sampled', q, total, levels, series, raw } };
}

function totalOf(t: number | estypes.SearchTotalHits | undefined): number {
  return typeof t === 'number' ? t : (t?.value ?? 0);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
