import type { estypes } from '@elastic/elasticsearch';
import { serviceFromPodName } from '../../core/formats/service-from-pod-name.ts';
import type { LogLevel } from '../../core/model/log-level.ts';
import {
  createLogAccumulator,
  type LogWindowCounts,
  type LogWindowed,
} from '../../core/telemetry/create-log-accumulator.ts';
import type { LogPatternStats } from '../../core/telemetry/log-pattern-stats.ts';
import type { TimeWindow } from '../../core/telemetry/time-window.ts';
import type { EsQuery } from './create-es-query.ts';
import { esLogRecord } from './es-log-record.ts';
import type { EsSettings } from './es-settings.ts';
import type { LogPlan } from './log-plan.ts';
import { timeRange } from './time-range.ts';
import { windowBuckets } from './window-buckets.ts';

type Plan = Extract<LogPlan, { kind: 'sampled' }>;
type Cls = 'e' | 'w' | 'o';
type Win = 'b' | 'i';
type Hit = estypes.SearchHit<Record<string, unknown>>;
type ClsBucket = { doc_count: number; top: { hits: { hits: Hit[] } } };
type SvcBucket = { key: string; slice: { buckets: Record<string, { cls: { buckets: Record<Cls, ClsBucket> } }> } };

const SLICES = 4;

/**
 * Log windows above the read cap: a stratified sample of lines (per service, window, level class
 * and time slice, via top_hits) goes through the file reader's accumulator for templates; line
 * counts come from the aggregated series, and each template's counts are scaled by its stratum's
 * true/sampled ratio.
 */
export async function sampleLogWindows(
  es: EsQuery,
  s: EsSettings,
  plan: Plan,
  baseline: TimeWindow,
  incident: TimeWindow,
  origins: ReadonlyMap<string, ReadonlyMap<string, number>>,
  signal: AbortSignal,
): Promise<LogWindowed> {
  const f = s.logFields;
  const { q, levels } = plan;
  const per = Math.max(1, Math.ceil(s.logSamplePerStratum / SLICES));
  const slices: Record<string, Record<string, unknown>> = {};
  for (const [w, win] of [
    ['b', baseline],
    ['i', incident],
  ] as const) {
    const len = win.to - win.from;
    for (let k = 0; k < SLICES; k++) {
      const a = win.from + Math.floor((len * k) / SLICES);
      const z = win.from + Math.floor((len * (k + 1)) / SLICES);
      if (z > a) slices[`${w}${k}`] = timeRange(f.timestamp, a, z);
    }
  }
  const known = [...levels.error, ...levels.warn];
  const seq = f.sequence ? [{ [f.sequence]: { order: 'asc', missing: '_last', unmapped_type: 'long' } } as const] : [];
  const r = await es.search(
    {
      index: s.indices.logs,
      allow_no_indices: false,
      size: 0,
      query: {
        bool: {
          should: [
            timeRange(f.timestamp, baseline.from, baseline.to),
            timeRange(f.timestamp, incident.from, incident.to),
          ],
          minimum_should_match: 1,
        },
      },
      aggs: {
        svc: {
          terms: { field: f.service, size: s.maxServices },
          aggs: {
            slice: {
              filters: { filters: slices },
              aggs: {
                cls: {
                  filters: {
                    filters: {
                      e: { terms: { [f.level]: levels.error } },
                      w: { terms: { [f.level]: levels.warn } },
                      o: { bool: { must_not: { terms: { [f.level]: known } } } },
                    },
                  },
                  aggs: {
                    top: {
                      top_hits: {
                        size: per,
                        sort: [{ [f.timestamp]: { order: 'asc' } }, ...seq],
                        _source: { includes: Object.values(f).filter(Boolean) },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    signal,
  );
  // Sampled lines per stratum, then every line through one accumulator in time order.
  const sampled = new Map<string, number>();
  const recs: { ts: number; seq: number; rec: NonNullable<ReturnType<typeof esLogRecord>> }[] = [];
  const aggs = r.aggregations as { svc: { buckets: SvcBucket[] } } | undefined;
  for (const sb of aggs?.svc.buckets ?? []) {
    const svc = serviceFromPodName(String(sb.key));
    for (const [sliceKey, slice] of Object.entries(sb.slice.buckets)) {
      const w = sliceKey[0] as Win;
      for (const [c, cb] of Object.entries(slice.cls.buckets) as [Cls, ClsBucket][]) {
        for (const h of cb.top.hits.hits) {
          const rec = h._source ? esLogRecord(h._source, f) : undefined;
          if (!rec) continue;
          recs.push({ ts: rec.ts, seq: recs.length, rec });
          const key = `${svc}|${w}|${c}`;
          sampled.set(key, (sampled.get(key) ?? 0) + 1);
        }
      }
    }
  }
  recs.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  const acc = createLogAccumulator(q.range, q.bucketMs);
  for (const x of recs) acc.add(x.rec);
  const fromSample = acc.windowed(baseline, incident, origins);

  const buckets = Math.max(1, Math.ceil((q.range.to - q.range.from) / q.bucketMs));
  const bw = windowBuckets(baseline, q.range.from, q.bucketMs, buckets);
  const iw = windowBuckets(incident, q.range.from, q.bucketMs, buckets);
  const sum = (arr: readonly number[], w: { lo: number; hi: number }) => {
    let t = 0;
    for (let k = w.lo; k < w.hi; k++) t += arr[k] as number;
    return t;
  };
  const truth = new Map<string, number>();
  const services = new Map<string, { baseline: LogWindowCounts; incident: LogWindowCounts }>();
  for (const svc of [...plan.series.keys()].sort()) {
    const ls = plan.series.get(svc);
    if (!ls) continue;
    const counts = (w: Win, idx: { lo: number; hi: number }): LogWindowCounts => {
      const logs = sum(ls.logs, idx);
      const errorLogs = sum(ls.errorLogs, idx);
      const warnLogs = sum(ls.warnLogs, idx);
      truth.set(`${svc}|${w}|e`, errorLogs);
      truth.set(`${svc}|${w}|w`, warnLogs);
      truth.set(`${svc}|${w}|o`, logs - errorLogs - warnLogs);
      const s0 = fromSample.services.get(svc)?.[w === 'b' ? 'baseline' : 'incident'];
      const fe = factor(truth, sampled, `${svc}|${w}|e`);
      return {
        logs,
        errorLogs,
        warnLogs,
        attributedErrorLogs: (s0?.attributedErrorLogs ?? 0) * fe,
        propagatedErrorLogs: (s0?.propagatedErrorLogs ?? 0) * fe,
      };
    };
    services.set(svc, { baseline: counts('b', bw), incident: counts('i', iw) });
  }
  const patterns: LogPatternStats[] = fromSample.patterns.map((p) => {
    const c = classOf(p.level);
    return {
      ...p,
      baseline: p.baseline * factor(truth, sampled, `${p.service}|b|${c}`),
      incident: p.incident * factor(truth, sampled, `${p.service}|i|${c}`),
    };
  });
  return { services, patterns };
}

function classOf(level: LogLevel | undefined): Cls {
  return level === 'error' || level === 'fatal' ? 'e' : level === 'warn' ? 'w' : 'o';
}

/** True lines per sampled line in a stratum (1 when the sample is the whole stratum). */
function factor(truth: ReadonlyMap<string, number>, sampled: ReadonlyMap<string, number>, key: string): number {
  const n = sampled.get(key) ?? 0;
  const t = truth.get(key) ?? 0;
  return n > 0 ? Math.max(1, t / n) : 1;
}
