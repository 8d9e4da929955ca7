import type { SpanRec } from '../model/records.ts';
import type { TrafficChange } from '../model/world-model.ts';
import { intensity } from '../world/intensity.ts';
import { isErrorTrace } from './is-error-trace.ts';
import { createRequestFactory } from './request-factory.ts';
import { serve } from './serve.ts';
import type { World } from './world.ts';

export type TrafficPlan = {
  readonly start: number;
  readonly end: number;
  readonly entryRps: ReadonlyMap<string, number>;
  /** Mild drift: a slow wave and a trend. */
  readonly drift: { readonly amp: number; readonly periodMs: number; readonly phase: number; readonly trend: number };
  readonly changes: readonly TrafficChange[];
  /** Tail sampling: keep this fraction of normal traces. */
  readonly keepRatio: number;
  /** Tail sampling: keep traces longer than this. */
  readonly slowMs: number;
  /** Composite policy cap: at most this many spans per second are kept (token bucket, 120 s burst). */
  readonly maxSpansPerSec: number;
};

type Stream = {
  readonly service: string;
  readonly op: string | undefined;
  readonly rate: (t: number) => number;
  readonly max: number;
  readonly edge: boolean;
};
type Arrival = { readonly t: number; readonly stream: Stream };

/**
 * Runs all traffic: Poisson arrivals at the entry services with drift and surges, extra
 * clients, periodic jobs. Each request is simulated end to end; its traces go through a
 * tail sampler (errors and slow traces kept, a fraction of the rest). Returns kept traces.
 */
export function runTraffic(w: World, plan: TrafficPlan): { kept: SpanRec[][]; requests: number; traces: number } {
  const rng = w.rng;
  const drift = (t: number): number => {
    const x = (t - plan.start) / (plan.end - plan.start);
    return (
      (1 + plan.drift.amp * Math.sin((2 * Math.PI * (t - plan.start)) / plan.drift.periodMs + plan.drift.phase)) *
      (1 + plan.drift.trend * x)
    );
  };
  const streams: Stream[] = [];
  for (const [service, rps] of plan.entryRps) {
    const whole = plan.changes.filter((c) => c.entry === service && !c.op && !c.client);
    const maxMul = whole.reduce((a, c) => a + (c.multiplier - 1), 1);
    streams.push({
      service,
      op: undefined,
      edge: true,
      max: rps * 1.5 * maxMul,
      rate: (t) => rps * drift(t) * whole.reduce((a, c) => a + (c.multiplier - 1) * intensity(c.shape, t), 1),
    });
    for (const c of plan.changes.filter((x) => x.entry === service && x.op && !x.client)) {
      const svc = w.services.get(service);
      const ops = svc?.ops.filter((o) => o.protocol === 'http' || o.protocol === 'grpc') ?? [];
      const wsum = ops.reduce((a, o) => a + o.weight, 0) || 1;
      const share = (ops.find((o) => o.key === c.op)?.weight ?? 0) / wsum;
      const r = rps * share * (c.multiplier - 1);
      streams.push({ service, op: c.op, edge: true, max: r * 1.5, rate: (t) => r * drift(t) * intensity(c.shape, t) });
    }
  }
  for (const c of plan.changes) {
    const client = c.client;
    if (client)
      streams.push({
        service: client.name,
        op: undefined,
        edge: false,
        max: client.rps,
        rate: (t) => client.rps * intensity(c.shape, t),
      });
  }
  const arrivals: Arrival[] = [];
  for (const s of streams) {
    if (s.max <= 0) continue;
    let t = plan.start + rng.exp(1000 / s.max);
    while (t < plan.end) {
      if (rng.next() * s.max < s.rate(t)) arrivals.push({ t, stream: s });
      t += rng.exp(1000 / s.max);
    }
  }
  for (const svc of w.topology.services) {
    if (!svc.jobEveryMin) continue;
    const every = svc.jobEveryMin * 60_000;
    const stream: Stream = {
      service: svc.name,
      op: svc.ops.find((o) => o.protocol === 'job')?.key,
      edge: false,
      max: 0,
      rate: () => 0,
    };
    for (let t = plan.start + rng.float(0.1, 1) * every; t < plan.end; t += every)
      arrivals.push({ t: t + rng.float(0, 900), stream });
  }
  arrivals.sort((a, b) => a.t - b.t);
  const newRequest = createRequestFactory(rng, w.topology.org);
  const kept: SpanRec[][] = [];
  let traces = 0;
  const burst = plan.maxSpansPerSec * 120;
  let tokens = burst;
  let last = plan.start;
  for (const a of arrivals) {
    const svc = w.services.get(a.stream.service);
    if (!svc) continue;
    let op = a.stream.op ? w.ops.get(`${svc.name}|${a.stream.op}`) : undefined;
    if (!op) {
      const ops = svc.ops.filter((o) => o.protocol === 'http' || o.protocol === 'grpc');
      op = ops.length > 0 ? rng.weighted(ops.map((o) => [o, o.weight] as const)) : svc.ops[0];
    }
    if (!op) continue;
    w.spans = [];
    serve(w, svc, op, a.t, undefined, newRequest(a.stream.edge), op.protocol === 'job' ? 1 : 2);
    const byTrace = new Map<string, SpanRec[]>();
    for (const s of w.spans) {
      const list = byTrace.get(s.traceId);
      if (list) list.push(s);
      else byTrace.set(s.traceId, [s]);
    }
    tokens = Math.min(burst, tokens + ((a.t - last) / 1000) * plan.maxSpansPerSec);
    last = a.t;
    for (const spans of byTrace.values()) {
      traces++;
      let lo = Number.POSITIVE_INFINITY;
      let hi = 0;
      for (const s of spans) {
        lo = Math.min(lo, s.start);
        hi = Math.max(hi, s.end);
      }
      if ((isErrorTrace(spans) || hi - lo > plan.slowMs || rng.chance(plan.keepRatio)) && tokens >= spans.length) {
        tokens -= spans.length;
        kept.push(spans);
      }
    }
  }
  w.spans = [];
  return { kept, requests: arrivals.length, traces };
}
