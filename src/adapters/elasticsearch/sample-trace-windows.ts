import type { estypes } from '@elastic/elasticsearch';
import { getDotted } from '../../core/formats/get-dotted.ts';
import { traceIdKey } from '../../core/formats/span-ids.ts';
import type { SpanRecord } from '../../core/model/span-record.ts';
import type { TimeWindow } from '../../core/model/time-window.ts';
import { createTraceAccumulator, type TraceWindowed } from '../../core/traces/create-trace-accumulator.ts';
import { combineStrata, type StrataPart, type WindowRequests } from './combine-strata.ts';
import type { EsQuery, SearchParams } from './create-es-query.ts';
import type { EsSettings } from './es-settings.ts';
import { esSpanRecord } from './es-span-record.ts';
import type { MarksFor } from './marks-for.ts';
import { spanSort } from './span-sort.ts';
import { timeRange } from './time-range.ts';
import { traceFilters } from './trace-filters.ts';
import type { TracePlan } from './trace-plan.ts';
import { windowBuckets } from './window-buckets.ts';

type Plan = Extract<TracePlan, { kind: 'sampled' }>;
type Win = 'b' | 'i';
type Stratum = 'fail' | 'ok' | 'all';

const SLICES = 4;
const WINS: readonly Win[] = ['b', 'i'];
const STRATA: readonly Stratum[] = ['fail', 'ok'];
const ACCUMULATORS: readonly Stratum[] = ['fail', 'ok', 'all'];

/**
 * Trace windows above the read cap. Traces are sampled by their root span, per window and per
 * outcome (failing / ok), spread over the window; their spans are fetched by trace id and go
 * through the file reader's trace accumulator, one per stratum, and each stratum's counts
 * (origins, traces, calls) are scaled by its true root count. Requests, errors and latency per
 * service come from aggregations.
 */
export async function sampleTraceWindows(
  es: EsQuery,
  s: EsSettings,
  plan: Plan,
  baseline: TimeWindow,
  incident: TimeWindow,
  signal: AbortSignal,
  marksFor?: MarksFor,
): Promise<TraceWindowed> {
  const f = s.traceFields;
  const win: Record<Win, TimeWindow> = { b: baseline, i: incident };
  const counts = countWindows(plan, win);

  // A window with few enough spans is read whole: every trace with a span in it (traces whose root
  // is missing too), weight 1. Only larger windows are sampled.
  // Trace ids as stored (for the queries: keyword matches are exact) and as the span reader
  // normalises them (64-bit ids padded, base64 decoded, lower case), each to its stratum.
  const stratumOf = new Map<string, string>();
  const byTrace = new Map<string, string>();
  const assign = (raw: string, key: string) => {
    stratumOf.set(raw, key);
    byTrace.set(traceIdKey(raw) ?? raw, key);
  };
  const sampled = new Map<string, number>();
  const full = await wholeWindows(es, s, win, signal);
  for (const w of WINS) {
    if (!full[w]) continue;
    await es.scan<Record<string, unknown>>(
      s.indices.traces,
      {
        query: timeRange(f.start, win[w].from, win[w].to),
        sort: [{ _shard_doc: { order: 'asc' } }],
        _source: { includes: [...f.traceId] },
      },
      s.fullReadMaxSpans,
      signal,
      (h) => {
        const id = rawId(h._source ? firstOf(h._source, f.traceId) : undefined);
        if (id && !stratumOf.has(id)) assign(id, `${w}|all`);
      },
    );
  }

  // Sample trace ids: per window, stratum and time slice, the first roots found (no scoring, early exit).
  const per = Math.max(1, Math.ceil(s.traceSamplePerStratum / SLICES));
  const searches: SearchParams[] = [];
  const keys: string[] = [];
  for (const w of WINS) {
    if (full[w]) continue;
    const { from, to } = win[w];
    for (const st of STRATA) {
      for (let k = 0; k < SLICES; k++) {
        const a = from + Math.floor(((to - from) * k) / SLICES);
        const z = from + Math.floor(((to - from) * (k + 1)) / SLICES);
        if (z <= a) continue;
        const outcome = st === 'fail' ? { filter: [traceFilters.error(f)] } : { must_not: [traceFilters.error(f)] };
        searches.push(
          { index: s.indices.traces, allow_no_indices: false },
          {
            size: per,
            timeout: `${s.requestTimeoutMs}ms`,
            track_total_hits: false,
            sort: ['_doc'],
            _source: { includes: [...f.traceId] },
            query: { bool: { filter: [traceFilters.root(f), timeRange(f.start, a, z)], ...outcome } },
          },
        );
        keys.push(`${w}|${st}`);
      }
    }
  }
  const responses = searches.length ? await es.msearch(searches, signal) : [];
  responses.forEach((r, n) => {
    const key = keys[n] as string;
    for (const h of r.hits.hits) {
      const id = rawId(h._source ? firstOf(h._source as Record<string, unknown>, f.traceId) : undefined);
      if (!id || stratumOf.has(id)) continue;
      assign(id, key);
      sampled.set(key, (sampled.get(key) ?? 0) + 1);
    }
  });

  // Whole traces of the sample, through one accumulator per outcome (each sees both windows, so
  // window-to-window comparisons inside it, such as the baseline p90, stay within a stratum).
  const accs = new Map<Stratum, ReturnType<typeof createTraceAccumulator>>(
    ACCUMULATORS.map((st) => [st, createTraceAccumulator(plan.q.range)]),
  );
  if (stratumOf.size > 0) {
    await es.scan<Record<string, unknown>>(
      s.indices.traces,
      {
        query: {
          bool: {
            filter: [
              { terms: { [f.traceId[0] as string]: [...stratumOf.keys()] } },
              timeRange(f.start, plan.q.range.from, plan.q.range.to),
            ],
          },
        },
        sort: spanSort(f),
        _source: true,
      },
      // Whole traces: up to 200 spans each on average, never fewer than the full-read cap.
      Math.max(s.fullReadMaxSpans, 200 * stratumOf.size),
      signal,
      (h: estypes.SearchHit<Record<string, unknown>>) => {
        const rec: SpanRecord | undefined = h._source ? esSpanRecord(h._source, f) : undefined;
        const key = rec ? byTrace.get(rec.traceId) : undefined;
        if (rec && key) accs.get(key.split('|')[1] as Stratum)?.add(rec);
      },
    );
  }
  const weight = (w: Win, st: Stratum): number => {
    if (st === 'all' || full[w]) return st === 'all' && full[w] ? 1 : 0;
    const n = sampled.get(`${w}|${st}`) ?? 0;
    const truth = st === 'fail' ? counts.roots[w].fail : counts.roots[w].total - counts.roots[w].fail;
    return n > 0 ? Math.max(1, truth / n) : 0;
  };
  // Error logs of exactly the sampled traces (the source's own marks are capped at scale).
  const extra = marksFor ? await marksFor([...stratumOf.keys()], plan.q.range, signal) : undefined;
  const marks = extra?.size ? new Map([...extra, ...plan.marks]) : plan.marks;
  const parts: StrataPart[] = [];
  for (const [st, acc] of accs) {
    if (acc.spanCount === 0) continue;
    acc.analyze(marks);
    parts.push({ st, weights: { b: weight('b', st), i: weight('i', st) }, tw: acc.windowed(baseline, incident) });
  }
  return combineStrata(parts, counts.requests, plan.instrumented);
}

/** Which windows hold no more spans than the full-read cap (one count per window). */
async function wholeWindows(
  es: EsQuery,
  s: EsSettings,
  win: Record<Win, TimeWindow>,
  signal: AbortSignal,
): Promise<Record<Win, boolean>> {
  const f = s.traceFields;
  const searches: SearchParams[] = [];
  for (const w of WINS) {
    searches.push(
      { index: s.indices.traces, allow_no_indices: false },
      {
        size: 0,
        timeout: `${s.requestTimeoutMs}ms`,
        track_total_hits: s.fullReadMaxSpans + 1,
        query: timeRange(f.start, win[w].from, win[w].to),
      },
    );
  }
  const [b, i] = await es.msearch(searches, signal);
  const under = (r: typeof b) => {
    const t = r?.hits.total;
    return (
      (typeof t === 'number' ? t : (t?.value ?? Number.POSITIVE_INFINITY)) <= s.fullReadMaxSpans && t !== undefined
    );
  };
  return { b: under(b), i: under(i) };
}

/**
 * Root counts per window and outcome, and requests/errors/latency sums per service and window,
 * from the series the source already aggregated (bucket sums over each window).
 */
function countWindows(
  plan: Plan,
  win: Record<Win, TimeWindow>,
): {
  roots: Record<Win, { total: number; fail: number }>;
  requests: Record<Win, Map<string, WindowRequests>>;
} {
  const { q } = plan;
  const buckets = Math.max(1, Math.ceil((q.range.to - q.range.from) / q.bucketMs));
  const sum = (arr: readonly number[], w: Win) => {
    const { lo, hi } = windowBuckets(win[w], q.range.from, q.bucketMs, buckets);
    let t = 0;
    for (let k = lo; k < hi; k++) t += arr[k] ?? 0;
    return t;
  };
  const roots = {
    b: { total: sum(plan.roots.total, 'b'), fail: sum(plan.roots.fail, 'b') },
    i: { total: sum(plan.roots.total, 'i'), fail: sum(plan.roots.fail, 'i') },
  };
  const requests: Record<Win, Map<string, WindowRequests>> = { b: new Map(), i: new Map() };
  for (const w of WINS) {
    for (const [name, ts] of plan.series) {
      const n = sum(ts.requests, w);
      if (n <= 0) continue;
      requests[w].set(name, {
        requests: n,
        requestErrors: sum(ts.requestErrors, w),
        latencySum: sum(ts.latencySum, w),
      });
    }
  }
  return { roots, requests };
}

function firstOf(doc: Record<string, unknown>, fields: readonly string[]): unknown {
  for (const f of fields) {
    const v = getDotted(doc, f);
    if (v !== undefined) return v;
  }
  return undefined;
}

function rawId(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
