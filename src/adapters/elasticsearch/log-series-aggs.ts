import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import type { SeriesQuery } from '../../core/ports.ts';
import type { EsQuery, SearchParams } from './create-es-query.ts';
import type { EsSettings } from './es-settings.ts';
import { gridHistogram } from './grid-buckets.ts';
import type { LevelClasses } from './level-classes.ts';
import type { LevelSeries } from './level-series.ts';
import { serviceGroups } from './service-groups.ts';
import { timeRange } from './time-range.ts';
import { volumeSampler } from './volume-sampler.ts';

type TimeBucket = { key: number; doc_count: number; e?: { doc_count: number }; w?: { doc_count: number } };
type SvcBucket = { key: string; t: { buckets: TimeBucket[] } };

/**
 * Per service and grid bucket: log lines, error lines and warnings, as aggregations (terms →
 * date_histogram → level filters), services in groups under the bucket limit. Error lines are
 * always counted exactly; above `exactCountsMaxDocs` lines the volumes (all lines, warnings)
 * come from a random sample of about that many, scaled. Pod names are mapped to their
 * deployment and merged, as the file reader does.
 */
export async function logSeriesAggs(
  es: EsQuery,
  s: EsSettings,
  q: SeriesQuery,
  levels: LevelClasses,
  services: readonly string[],
  total: number,
  signal: AbortSignal,
): Promise<Map<string, LevelSeries>> {
  const f = s.logFields;
  const grid = gridHistogram(f.timestamp, q);
  const range = timeRange(f.timestamp, q.range.from, q.range.to);
  const errorFilter = { terms: { [f.level]: levels.error } };
  const warnFilter = { terms: { [f.level]: levels.warn } };
  const searches: SearchParams[] = [];
  const kinds: ('all' | 'volume' | 'errors')[] = [];
  const samplers: ReturnType<typeof volumeSampler>[] = [];
  for (const group of serviceGroups(services, grid.buckets * 3)) {
    const head = { index: s.indices.logs, allow_no_indices: false };
    const body = (filter: Record<string, unknown>[], sub: Record<string, unknown>) => ({
      size: 0,
      timeout: `${s.requestTimeoutMs}ms`,
      query: { bool: { filter: [range, { terms: { [f.service]: group } }, ...filter] } },
      aggs: sub,
    });
    const svcAgg = (inner: Record<string, unknown>) => ({
      svc: { terms: { field: f.service, size: group.length }, aggs: { t: { date_histogram: grid.agg, aggs: inner } } },
    });
    const sampler = volumeSampler(total, s.exactCountsMaxDocs, svcAgg({ w: { filter: warnFilter } }));
    if (sampler.probability === 1) {
      searches.push(head, body([], svcAgg({ e: { filter: errorFilter }, w: { filter: warnFilter } })));
      kinds.push('all');
      samplers.push(sampler);
    } else {
      searches.push(head, body([], sampler.aggs), head, body([errorFilter], svcAgg({})));
      kinds.push('volume', 'errors');
      samplers.push(sampler, sampler);
    }
  }
  const out = new Map<string, LevelSeries>();
  if (searches.length === 0) return out;
  const responses = await es.msearch(searches, signal);
  responses.forEach((r, n) => {
    const kind = kinds[n];
    const root = kind === 'volume' ? samplers[n]?.path(r.aggregations as Record<string, unknown>) : r.aggregations;
    for (const sb of (root as { svc?: { buckets: SvcBucket[] } } | undefined)?.svc?.buckets ?? []) {
      const svc = serviceFromPodName(String(sb.key));
      let ls = out.get(svc);
      if (!ls) {
        const z = () => new Array<number>(grid.buckets).fill(0);
        ls = { logs: z(), errorLogs: z(), warnLogs: z() };
        out.set(svc, ls);
      }
      for (const tb of sb.t.buckets) {
        const b = Math.round((tb.key - q.range.from) / q.bucketMs);
        if (b < 0 || b >= grid.buckets) continue;
        if (kind === 'errors') {
          (ls.errorLogs[b] as number) += tb.doc_count;
          continue;
        }
        (ls.logs[b] as number) += tb.doc_count;
        (ls.warnLogs[b] as number) += tb.w?.doc_count ?? 0;
        if (kind === 'all') (ls.errorLogs[b] as number) += tb.e?.doc_count ?? 0;
      }
    }
  });
  // A sampled volume never falls below the exact error count of its bucket.
  for (const ls of out.values()) {
    for (let b = 0; b < grid.buckets; b++) {
      const floor = (ls.errorLogs[b] as number) + (ls.warnLogs[b] as number);
      if ((ls.logs[b] as number) < floor) ls.logs[b] = floor;
    }
  }
  return out;
}
