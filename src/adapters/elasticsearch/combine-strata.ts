import type { Distribution } from '../../core/stats/distribution.ts';
import type { TraceWindowed } from '../../core/traces/create-trace-accumulator.ts';
import type { EdgeWindowStats } from '../../core/traces/edge-window-stats.ts';
import { emptyWindowStats } from '../../core/traces/empty-window-stats.ts';
import type { ServiceWindowStats } from '../../core/traces/service-window-stats.ts';
import { mergeDistributions } from './merge-distributions.ts';

type Win = 'b' | 'i';
const WINS: readonly Win[] = ['b', 'i'];

/** Requests, failed requests and the sum of their durations of one service in one window (from the series). */
export type WindowRequests = { requests: number; requestErrors: number; latencySum: number };

/** One stratum's accumulator output, with the weight (true per sampled trace) of each window. */
export type StrataPart = {
  readonly st: 'fail' | 'ok' | 'all';
  readonly weights: Record<Win, number>;
  readonly tw: TraceWindowed;
};

type ServiceEntry = TraceWindowed['services'] extends ReadonlyMap<string, infer V> ? V : never;
type Dist = { d: Distribution; w: number };

/**
 * The strata put back together: every count of a window scaled by its stratum's weight, every
 * distribution merged with those weights; requests, errors and latency from the aggregations.
 */
export function combineStrata(
  parts: readonly StrataPart[],
  requests: Record<Win, Map<string, WindowRequests>>,
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
