import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import type { SeriesQuery } from '../../core/ports.ts';
import type { EsQuery, SearchParams } from './create-es-query.ts';
import type { EsSettings } from './es-settings.ts';
import { gridHistogram } from './grid-buckets.ts';
import type { LevelClasses } from './level-classes.ts';
import type { LevelSeries } from './level-series.ts';
import { serviceGroups } from './service-groups.ts';
import { timeRange } from './time-range.ts';

type TimeBucket = { key: number; doc_count: number; e: { doc_count: number }; w: { doc_count: number } };
type SvcBucket = { key: string; t: { buckets: TimeBucket[] } };

/**
 * Per service and grid bucket: log lines, error lines and warnings, as aggregations
 * (terms → date_histogram → level filters), services in groups under the bucket limit. Pod
 * names are mapped to their deployment and merged, as the file reader does.
 */
export async function logSeriesAggs(
  es: EsQuery,
  s: EsSettings,
  q: SeriesQuery,
  levels: LevelClasses,
  services: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, LevelSeries>> {
  const f = s.logFields;
  const grid = gridHistogram(f.timestamp, q);
  const searches: SearchParams[] = [];
  for (const group of serviceGroups(services, grid.buckets * 3)) {
    searches.push(
      { index: s.indices.logs, allow_no_indices: false },
      {
        size: 0,
        timeout: `${s.requestTimeoutMs}ms`,
        query: {
          bool: { filter: [timeRange(f.timestamp, q.range.from, q.range.to), { terms: { [f.service]: group } }] },
        },
        aggs: {
          svc: {
            terms: { field: f.service, size: group.length },
            aggs: {
              t: {
                date_histogram: grid.agg,
                aggs: {
                  e: { filter: { terms: { [f.level]: levels.error } } },
                  w: { filter: { terms: { [f.level]: levels.warn } } },
                },
              },
            },
          },
        },
      },
    );
  }
  const out = new Map<string, LevelSeries>();
  if (searches.length === 0) return out;
  for (const r of await es.msearch(searches, signal)) {
    const aggs = r.aggregations as { svc: { buckets: SvcBucket[] } } | undefined;
    for (const sb of aggs?.svc.buckets ?? []) {
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
        (ls.logs[b] as number) += tb.doc_count;
        (ls.errorLogs[b] as number) += tb.e.doc_count;
        (ls.warnLogs[b] as number) += tb.w.doc_count;
      }
    }
  }
  return out;
}
