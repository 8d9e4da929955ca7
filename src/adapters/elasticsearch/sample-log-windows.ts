import type { LogLevel } from '../../core/model/log-level.ts';
import type { LogRecord } from '../../core/model/log-record.ts';
import type { TimeWindow } from '../../core/model/time-window.ts';
import {
  createLogAccumulator,
  type LogWindowCounts,
  type LogWindowed,
} from '../../core/telemetry/create-log-accumulator.ts';
import type { LogPatternStats } from '../../core/telemetry/log-pattern-stats.ts';
import type { EsQuery, SearchParams } from './create-es-query.ts';
import { esLogRecord } from './es-log-record.ts';
import type { EsSettings } from './es-settings.ts';
import type { LogPlan } from './log-plan.ts';
import { timeRange } from './time-range.ts';
import { windowBuckets } from './window-buckets.ts';

type Plan = Extract<LogPlan, { kind: 'sampled' }>;
type Cls = 'e' | 'w' | 'o';
type Win = 'b' | 'i';

const SLICES = 2;
const CLASSES: readonly Cls[] = ['e', 'w', 'o'];

/**
 * Log windows above the read cap. Per service, window, level class (error, warn, other) and
 * quarter of the window, a few lines are fetched (small searches that stop early, so the cost
 * does not grow with the index); they go through the file reader's accumulator for templates.
 * Line counts come from the aggregated series, and each template's counts are scaled by its
 * stratum's true/sampled ratio.
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
  const win: Record<Win, TimeWindow> = { b: baseline, i: incident };
  const buckets = Math.max(1, Math.ceil((q.range.to - q.range.from) / q.bucketMs));
  const idx = {
    b: windowBuckets(baseline, q.range.from, q.bucketMs, buckets),
    i: windowBuckets(incident, q.range.from, q.bucketMs, buckets),
  };
  const sum = (arr: readonly number[], w: { lo: number; hi: number }) => {
    let t = 0;
    for (let k = w.lo; k < w.hi; k++) t += arr[k] as number;
    return t;
  };
  // True lines per stratum, from the series.
  const truth = new Map<string, number>();
  for (const [svc, ls] of plan.series) {
    for (const w of ['b', 'i'] as const) {
      const e = sum(ls.errorLogs, idx[w]);
      const wn = sum(ls.warnLogs, idx[w]);
      truth.set(`${svc}|${w}|e`, e);
      truth.set(`${svc}|${w}|w`, wn);
      truth.set(`${svc}|${w}|o`, sum(ls.logs, idx[w]) - e - wn);
    }
  }
  const known = [...levels.error, ...levels.warn];
  const clsFilter: Record<Cls, Record<string, unknown>> = {
    e: { terms: { [f.level]: levels.error } },
    w: { terms: { [f.level]: levels.warn } },
    o: { bool: { must_not: { terms: { [f.level]: known } } } },
  };
  const per = Math.max(1, Math.ceil(s.logSamplePerStratum / SLICES));
  const searches: SearchParams[] = [];
  const keys: string[] = [];
  for (const [svc, raw] of plan.raw) {
    for (const w of ['b', 'i'] as const) {
      for (const c of CLASSES) {
        if ((truth.get(`${svc}|${w}|${c}`) ?? 0) <= 0) continue;
        const { from, to } = win[w];
        for (let k = 0; k < SLICES; k++) {
          const a = from + Math.floor(((to - from) * k) / SLICES);
          const z = from + Math.floor(((to - from) * (k + 1)) / SLICES);
          if (z <= a) continue;
          searches.push(
            { index: s.indices.logs, allow_no_indices: false },
            {
              size: per,
              timeout: `${s.requestTimeoutMs}ms`,
              track_total_hits: false,
              sort: ['_doc'],
              _source: { includes: Object.values(f).filter(Boolean) },
              query: {
                bool: { filter: [{ terms: { [f.service]: raw } }, timeRange(f.timestamp, a, z), clsFilter[c]] },
              },
            },
          );
          keys.push(`${svc}|${w}|${c}`);
        }
      }
    }
  }
  const sampled = new Map<string, number>();
  const recs: LogRecord[] = [];
  const responses = searches.length > 0 ? await es.msearch(searches, signal) : [];
  responses.forEach((r, n) => {
    const key = keys[n] as string;
    for (const h of r.hits.hits) {
      const rec = h._source ? esLogRecord(h._source as Record<string, unknown>, f) : undefined;
      if (!rec) continue;
      recs.push(rec);
      sampled.set(key, (sampled.get(key) ?? 0) + 1);
    }
  });
  // Every sampled line through one accumulator, in time order.
  recs.sort((a, b) => a.ts - b.ts);
  const acc = createLogAccumulator(q.range, q.bucketMs);
  for (const rec of recs) acc.add(rec);
  const fromSample = acc.windowed(baseline, incident, origins);

  const services = new Map<string, { baseline: LogWindowCounts; incident: LogWindowCounts }>();
  for (const svc of [...plan.series.keys()].sort()) {
    const ls = plan.series.get(svc);
    if (!ls) continue;
    const counts = (w: Win): LogWindowCounts => {
      const s0 = fromSample.services.get(svc)?.[w === 'b' ? 'baseline' : 'incident'];
      const fe = factor(truth, sampled, `${svc}|${w}|e`);
      return {
        logs: sum(ls.logs, idx[w]),
        errorLogs: sum(ls.errorLogs, idx[w]),
        warnLogs: sum(ls.warnLogs, idx[w]),
        attributedErrorLogs: (s0?.attributedErrorLogs ?? 0) * fe,
        propagatedErrorLogs: (s0?.propagatedErrorLogs ?? 0) * fe,
      };
    };
    services.set(svc, { baseline: counts('b'), incident: counts('i') });
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
