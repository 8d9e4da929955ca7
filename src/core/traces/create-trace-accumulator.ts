import type { SpanRecord } from '../model/span-record.ts';
import type { TimeWindow } from '../model/time-window.ts';
import { summarize } from '../stats/summarize.ts';
import { analyzeTrace } from './analyze-trace.ts';
import { attributeNewEndpoints } from './attribute-new-endpoints.ts';
import { attributeShortCircuits } from './attribute-short-circuits.ts';
import type { EdgeWindowStats } from './edge-window-stats.ts';
import { emptyWindowStats } from './empty-window-stats.ts';
import type { ErrorMarks } from './error-marks.ts';
import { gapOwners } from './gap-owners.ts';
import type { OperationWindows } from './operation-windows.ts';
import type { RequestEnds } from './request-ends.ts';
import type { ServiceWindowStats } from './service-window-stats.ts';
import type { TraceFacts } from './trace-facts.ts';

export type TraceSeries = {
  requests: number[];
  requestErrors: number[];
  latencySum: number[];
  /** p90 duration per bucket (ms), null where empty; only where every span was read. */
  latencyP90?: (number | null)[];
};

export type TraceWindowed = {
  readonly services: ReadonlyMap<
    string,
    {
      role: 'service' | 'dependency';
      baseline: ServiceWindowStats;
      incident: ServiceWindowStats;
      examples: string[];
      errorTexts: string[];
    }
  >;
  readonly edges: ReadonlyMap<
    string,
    { from: string; to: string; baseline: EdgeWindowStats; incident: EdgeWindowStats }
  >;
  /** Failure origins of every failing trace, by trace id (for joining error logs). */
  readonly origins: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Self time per (service, entry operation) seen in both windows (absent when only sampled strata were read). */
  readonly operations?: readonly OperationWindows[];
  /** Where each service's successful requests end (absent when only sampled strata were read). */
  readonly requestEnds?: readonly RequestEnds[];
};

export type TraceAccumulator = {
  add(span: SpanRecord): void;
  readonly spanCount: number;
  /** Analyses every trace once (with error marks from logs for spans without status). */
  analyze(marks?: ErrorMarks): void;
  series(start: number, bucketMs: number, buckets: number): Map<string, TraceSeries>;
  windowed(baseline: TimeWindow, incident: TimeWindow): TraceWindowed;
};

/**
 * Collects spans that start in [from, to) and have ended by `to`, grouped by trace, then answers
 * the questions triage asks of them.
 */
export function createTraceAccumulator(range: TimeWindow): TraceAccumulator {
  const traces = new Map<string, SpanRecord[]>();
  const instrumented = new Set<string>();
  let spanCount = 0;
  let facts: TraceFacts[] | undefined;

  const ensure = (): TraceFacts[] => {
    if (!facts) throw new Error('call analyze() before reading the trace accumulator');
    return facts;
  };

  return {
    add(span) {
      if (span.start < range.from || span.start >= range.to) return;
      // A span that ends after the range had not finished by then: a live source would not hold
      // it yet, so a replay does not read it either — nor a duration that runs into the future
      // (or was recorded on another clock).
      if (span.end > range.to) return;
      let list = traces.get(span.traceId);
      if (!list) {
        list = [];
        traces.set(span.traceId, list);
      }
      list.push(span);
      instrumented.add(span.service);
      spanCount++;
      facts = undefined;
    },
    get spanCount() {
      return spanCount;
    },
    analyze(marks) {
      const out: TraceFacts[] = [];
      for (const spans of traces.values()) out.push(analyzeTrace(spans, marks));
      out.sort((a, b) => a.start - b.start || (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0));
      facts = out;
    },
    series(start, bucketMs, buckets) {
      const out = new Map<string, TraceSeries>();
      const durations = new Map<string, number[][]>();
      for (const f of ensure()) {
        for (const r of f.requests) {
          const b = Math.floor((r.start - start) / bucketMs);
          if (b < 0 || b >= buckets) continue;
          let s = out.get(r.service);
          if (!s) {
            const z = () => new Array<number>(buckets).fill(0);
            s = { requests: z(), requestErrors: z(), latencySum: z() };
            out.set(r.service, s);
            durations.set(
              r.service,
              Array.from({ length: buckets }, () => []),
            );
          }
          durations.get(r.service)?.[b]?.push(r.durationMs);
          (s.requests[b] as number)++;
          if (r.error) (s.requestErrors[b] as number)++;
          s.latencySum[b] = (s.latencySum[b] as number) + r.durationMs;
        }
      }
      for (const [svc, s] of out) s.latencyP90 = (durations.get(svc) ?? []).map(p90);
      return out;
    },
    windowed(baseline, incident) {
      return summariseWindows(ensure(), instrumented, baseline, incident);
    },
  };
}

type Acc = { stats: ServiceWindowStats; self: number[]; lat: number[] };
const MAX_OPERATIONS = 50;

function summariseWindows(
  rawFacts: readonly TraceFacts[],
  instrumented: ReadonlySet<string>,
  baseline: TimeWindow,
  incident: TimeWindow,
): TraceWindowed {
  const facts = attributeShortCircuits(attributeNewEndpoints(rawFacts, baseline, incident), baseline, incident);
  const owners = gapOwners(facts, baseline, incident);
  const acc = new Map<
    string,
    {
      b: Acc;
      i: Acc;
      examples: string[];
      errorTexts: string[];
      ownTexts: number;
      callTexts: number;
      /** Incident gap time (calls whose gaps grew) counted as this service's. */
      gapMs: number;
    }
  >();
  const edges = new Map<string, { from: string; to: string; baseline: EdgeWindowStats; incident: EdgeWindowStats }>();
  const origins = new Map<string, ReadonlyMap<string, number>>();
  const ops = new Map<string, Map<string, { b: number[]; i: number[] }>>();
  const ends = new Map<string, { b: Map<string, number>; i: Map<string, number> }>();
  const get = (svc: string) => {
    let a = acc.get(svc);
    if (!a) {
      a = { b: fresh(), i: fresh(), examples: [], errorTexts: [], ownTexts: 0, callTexts: 0, gapMs: 0 };
      acc.set(svc, a);
    }
    return a;
  };
  const which = (t: number): 'b' | 'i' | undefined =>
    t >= incident.from && t < incident.to ? 'i' : t >= baseline.from && t < baseline.to ? 'b' : undefined;

  for (const f of facts) {
    if (f.failing) origins.set(f.traceId, f.origins);
    const w = which(f.start);
    if (w) {
      // Where requests that did not fail end (a request cut short by a wrong answer ends at it).
      if (!f.failing)
        for (const e of f.entries) {
          if (e.last === undefined) continue;
          let m = ends.get(e.service);
          if (!m) {
            m = { b: new Map(), i: new Map() };
            ends.set(e.service, m);
          }
          m[w].set(e.last, (m[w].get(e.last) ?? 0) + 1);
        }
      for (const svc of f.services) {
        const a = get(svc)[w];
        a.stats.traces++;
        if (f.failing) a.stats.failingTraces++;
      }
      for (const [svc, share] of f.origins) {
        const a = get(svc);
        a[w].stats.originErrors += share;
        if (f.originCertainty < 1) a[w].stats.originErrorsFromLogs += share;
        if (w === 'i' && share >= 0.5 && a.examples.length < 5) a.examples.push(f.traceId);
      }
      // What its own failing spans said ("No space left on device" …), beside what calls to it said.
      if (w === 'i')
        for (const o of f.originEntries) {
          if (!o.errorText) continue;
          const a = get(o.service);
          if (a.ownTexts < 5 && !a.errorTexts.includes(o.errorText)) {
            a.errorTexts.push(o.errorText);
            a.ownTexts++;
          }
        }
      // Self time is read from traces that did not fail, or that failed here: a service
      // handling a callee's failure (retries, backoff, fallbacks) is not itself slow.
      const self = new Map(f.selfTime);
      const opGaps = new Map<string, Map<string, number>>();
      for (const g of f.gaps) {
        const { callerShare: share, grew } = owners.of(g.from, g.to, g.leaf === true);
        if (share < 1) self.set(g.to, (self.get(g.to) ?? 0) + g.ms * (1 - share));
        if (share > 0) {
          self.set(g.from, (self.get(g.from) ?? 0) + g.ms * share);
          const byOp = opGaps.get(g.from) ?? new Map<string, number>();
          byOp.set(g.operation, (byOp.get(g.operation) ?? 0) + g.ms * share);
          opGaps.set(g.from, byOp);
        }
        // (A dependency's own slow calls are its self time, not time between spans.)
        if (w === 'i' && !f.failing && grew && !(g.leaf && share === 0)) {
          get(g.from).gapMs += g.ms * share;
          get(g.to).gapMs += g.ms * (1 - share);
        }
      }
      for (const [svc, ms] of self) {
        if (!f.failing || (f.origins.get(svc) ?? 0) >= 0.5) get(svc)[w].self.push(ms);
      }
      for (const [svc, byOp] of mergeOps(f.operationSelfTime, opGaps)) {
        if (f.failing && (f.origins.get(svc) ?? 0) < 0.5) continue;
        let perOp = ops.get(svc);
        if (!perOp) {
          perOp = new Map();
          ops.set(svc, perOp);
        }
        for (const [operation, ms] of byOp) {
          let o = perOp.get(operation);
          if (!o) {
            // Bounded: a service's first MAX_OPERATIONS operations (span names that carry ids would not end).
            if (perOp.size >= MAX_OPERATIONS) continue;
            o = { b: [], i: [] };
            perOp.set(operation, o);
          }
          o[w].push(ms);
        }
      }
    }
    for (const r of f.requests) {
      const rw = which(r.start);
      if (!rw) continue;
      const a = get(r.service)[rw];
      a.stats.requests++;
      if (r.error) a.stats.requestErrors++;
      a.lat.push(r.durationMs);
    }
    for (const c of f.calls) {
      const cw = which(c.start);
      if (!cw) continue;
      const key = `${c.from}\u0000${c.to}`;
      let e = edges.get(key);
      if (!e) {
        e = { from: c.from, to: c.to, baseline: zeroEdge(), incident: zeroEdge() };
        edges.set(key, e);
      }
      const es = cw === 'i' ? e.incident : e.baseline;
      if (cw === 'i' && c.errorText) {
        const a = get(c.to);
        if (a.callTexts < 5 && !a.errorTexts.includes(c.errorText)) {
          a.errorTexts.push(c.errorText);
          a.callTexts++;
        }
      }
      es.calls++;
      if (c.error) es.errors++;
      es.totalMs += c.durationMs;
    }
  }
  const services = new Map<
    string,
    {
      role: 'service' | 'dependency';
      baseline: ServiceWindowStats;
      incident: ServiceWindowStats;
      examples: string[];
      errorTexts: string[];
    }
  >();
  for (const [svc, a] of [...acc].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const baselineStats = finish(a.b);
    const incidentStats = finish(a.i);
    const { n, p90, p99 } = baselineStats.selfTime;
    incidentStats.selfTimeOverBaselineP90 = n > 0 ? a.i.self.filter((v) => v > p90).length : 0;
    incidentStats.selfTimeOverBaselineP99 = n > 0 ? a.i.self.filter((v) => v > p99).length : 0;
    incidentStats.selfTimeFromGaps = a.gapMs;
    services.set(svc, {
      role: instrumented.has(svc) ? 'service' : 'dependency',
      baseline: baselineStats,
      incident: incidentStats,
      examples: a.examples,
      errorTexts: a.errorTexts,
    });
  }
  const operations: OperationWindows[] = [];
  const byName = <T>([x]: [string, T], [y]: [string, T]) => (x < y ? -1 : x > y ? 1 : 0);
  for (const [service, perOp] of [...ops].sort(byName))
    for (const [operation, o] of [...perOp].sort(byName))
      if (o.b.length > 0 && o.i.length > 0)
        operations.push({ service, operation, baseline: summarize(o.b), incident: summarize(o.i) });
  const requestEnds: RequestEnds[] = [...ends]
    .sort(byName)
    .map(([service, m]) => ({ service, baseline: m.b, incident: m.i }));
  return { services, edges, origins, operations, requestEnds };
}

/** Operation self times with the gap time owned by the caller added. */
function mergeOps(
  ops: ReadonlyMap<string, ReadonlyMap<string, number>>,
  gaps: ReadonlyMap<string, ReadonlyMap<string, number>>,
): ReadonlyMap<string, ReadonlyMap<string, number>> {
  if (gaps.size === 0) return ops;
  const out = new Map<string, Map<string, number>>();
  for (const m of [ops, gaps])
    for (const [svc, byOp] of m) {
      const o = out.get(svc) ?? new Map<string, number>();
      for (const [op, ms] of byOp) o.set(op, (o.get(op) ?? 0) + ms);
      out.set(svc, o);
    }
  return out;
}

function fresh(): Acc {
  return { stats: emptyWindowStats(), self: [], lat: [] };
}

function finish(a: Acc): ServiceWindowStats {
  return { ...a.stats, selfTime: summarize(a.self), latency: summarize(a.lat) };
}

function zeroEdge(): EdgeWindowStats {
  return { calls: 0, errors: 0, totalMs: 0 };
}

/** Nearest-rank p90 of one bucket's durations, null when empty. */
function p90(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  return values[Math.ceil(0.9 * values.length) - 1] as number;
}
