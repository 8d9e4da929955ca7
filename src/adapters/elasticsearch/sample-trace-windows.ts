import type { estypes } from '@elastic/elasticsearch';
import { getDotted } from '../../core/formats/get-dotted.ts';
import type { SpanRecord } from '../../core/model/span-record.ts';
import type { Distribution } from '../../core/stats/distribution.ts';
import type { EdgeWindowStats } from '../../core/telemetry/edge-window-stats.ts';
import { emptyWindowStats } from '../../core/telemetry/empty-window-stats.ts';
import type { ServiceWindowStats } from '../../core/telemetry/service-window-stats.ts';
import type { TimeWindow } from '../../core/telemetry/time-window.ts';
import { createTraceAccumulator, type TraceWindowed } from '../../core/traces/create-trace-accumulator.ts';
import type { EsQuery, SearchParams } from './create-es-query.ts';
import type { EsSettings } from './es-settings.ts';
import { esSpanRecord } from './es-span-record.ts';
import type { MarksFor } from './marks-for.ts';
import { mergeDistributions } from './merge-distributions.ts';
import { spanSort } from './span-sort.ts';
import { timeRange } from './time-range.ts';
import { traceFilters } from './trace-filters.ts';
import type { TracePlan } from './trace-plan.ts';
import { windowBuckets } from './window-buckets.ts';

type Plan = Extract<TracePlan, { kind: 'sampled' }>;
type Win = 'b' | 'i';
type Stratum = 'fail' | 'ok' | 'all';
type RequestStats = { requests: number; requestErrors: number; latencySum: number };

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
  const stratumOf = new Map<string, string>();
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
        const id = lowerId(h._source ? firstOf(h._source, f.traceId) : undefined);
        if (id && !stratumOf.has(id)) stratumOf.set(id, `${w}|all`);
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
      const id = lowerId(h._source ? firstOf(h._source as Record<string, unknown>, f.traceId) : undefined);
      if (!id || stratumOf.has(id)) continue;
      stratumOf.set(id, key);
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
        const key = rec ? stratumOf.get(rec.traceId) : undefined;
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
  const marks = extra?.size ? new Set([...plan.marks, ...extra]) : plan.marks;
  const parts: Part[] = [];
  for (const [st, acc] of accs) {
    if (acc.spanCount === 0) continue;
    acc.analyze(marks);
    parts.push({ st, weights: { b: weight('b', st), i: weight('i', st) }, tw: acc.windowed(baseline, incident) });
  }
  return combine(parts, counts.requests, plan.instrumented);
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
  requests: Record<Win, Map<string, RequestStats>>;
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
  const requests: Record<Win, Map<string, RequestStats>> = { b: new Map(), i: new Map() };
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

type Part = { readonly st: Stratum; readonly weights: Record<Win, number>; readonly tw: TraceWindowed };
type ServiceEntry = TraceWindowed['services'] extends ReadonlyMap<string, infer V> ? V : never;
type Dist = { d: Distribution; w: number };

/**
 * The strata put back together: every count of a window scaled by its stratum's weight, every
 * distribution merged with those weights; requests, errors and latency from the aggregations.
 */
function combine(
  parts: readonly Part[],
  requests: Record<Win, Map<string, RequestStats>>,
  instrumented: ReadonlySet<string>,
): TraceWindowed {
  type Side = { counts: Map<string, number>; dists: Map<string, Dist[]> };
  const fresh = (): Side => ({ counts: new Map(), dists: new Map() });
  // Lists per service (example trace ids, error texts ...): failing stratum first, unique, at most five.
  const svcs = new Map<string, { b: Side; i: Side; lists: Map<string, string[]> }>();
  const get = (name: string) => {
    let x = svcs.get(name);
    if (!x) {
      x = { b: fresh(), i: fresh(), lists: new Map() };
      svcs.set(name, x);
    }
    return x;
  };
  const edges = new Map<string, { from: string; to: string; baseline: EdgeWindowStats; incident: EdgeWindowStats }>();
  const origins = new Map<string, ReadonlyMap<string, number>>();
  const listKeys = new Set<string>(['examples']);
  for (const { st, weights, tw } of [...parts].sort((a, b) => (a.st === b.st ? 0 : a.st === 'fail' ? -1 : 1))) {
    for (const [id, o] of tw.origins) origins.set(id, o);
    for (const [name, sv] of tw.services) {
      const x = get(name);
      for (const w of WINS) {
        const side = x[w];
        for (const [k, v] of Object.entries(w === 'b' ? sv.baseline : sv.incident)) {
          if (typeof v === 'number') side.counts.set(k, (side.counts.get(k) ?? 0) + weights[w] * v);
          else if (v && typeof v === 'object' && 'n' in v) {
            const list = side.dists.get(k) ?? [];
            list.push({ d: v as Distribution, w: weights[w] });
            side.dists.set(k, list);
          }
        }
      }
      for (const [k, v] of Object.entries(sv)) {
        if (Array.isArray(v)) listKeys.add(k);
        if (!Array.isArray(v) || (k === 'examples' && st !== 'fail')) continue;
        const list = x.lists.get(k) ?? [];
        for (const item of v as string[]) if (list.length < 5 && !list.includes(item)) list.push(item);
        x.lists.set(k, list);
      }
    }
    for (const [key, e] of tw.edges) {
      let out = edges.get(key);
      if (!out) {
        out = { from: e.from, to: e.to, baseline: zeroEdge(), incident: zeroEdge() };
        edges.set(key, out);
      }
      for (const w of WINS) {
        const src = w === 'b' ? e.baseline : e.incident;
        const dst = w === 'b' ? out.baseline : out.incident;
        dst.calls += weights[w] * src.calls;
        dst.errors += weights[w] * src.errors;
        dst.totalMs += weights[w] * src.totalMs;
      }
    }
  }
  for (const w of WINS) for (const name of requests[w].keys()) get(name);
  const services = new Map<string, ServiceEntry>();
  for (const name of [...svcs.keys()].sort()) {
    const x = svcs.get(name) as { b: Side; i: Side; lists: Map<string, string[]> };
    const finish = (w: Win): ServiceWindowStats => {
      const out: Record<string, unknown> = { ...emptyWindowStats() };
      for (const [k, v] of x[w].counts) out[k] = v;
      for (const [k, list] of x[w].dists) out[k] = mergeDistributions(list);
      // Requests, errors and mean latency from the aggregations; latency percentiles from the sample.
      const agg = requests[w].get(name);
      if (agg) {
        const sample = out.latency as Distribution;
        out.requests = agg.requests;
        out.requestErrors = agg.requestErrors;
        out.latency = { ...sample, n: agg.requests, mean: agg.latencySum / agg.requests };
      }
      return out as ServiceWindowStats;
    };
    const entry: Record<string, unknown> = Object.fromEntries([...listKeys].map((k) => [k, x.lists.get(k) ?? []]));
    entry.role = instrumented.has(name) ? 'service' : 'dependency';
    entry.baseline = finish('b');
    entry.incident = finish('i');
    services.set(name, entry as ServiceEntry);
  }
  return { services, edges, origins };
}

function zeroEdge(): EdgeWindowStats {
  return { calls: 0, errors: 0, totalMs: 0 };
}

function firstOf(doc: Record<string, unknown>, fields: readonly string[]): unknown {
  for (const f of fields) {
    const v = getDotted(doc, f);
    if (v !== undefined) return v;
  }
  return undefined;
}

function lowerId(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v.toLowerCase() : undefined;
}
