import type { Rng } from '../core/rng.ts';
import type { Failure } from '../model/failure-model.ts';
import type { LogEvent, LogLevel, SpanRec } from '../model/records.ts';
import type { Dependency, Operation, Service, Topology } from '../model/topology-model.ts';
import type { Instance } from '../model/world-model.ts';
import type { OverloadState } from '../world/build-overload-model.ts';
import type { EffectResolver } from '../world/create-effect-resolver.ts';
import type { Route } from '../world/create-router.ts';
import type { Breakers } from './create-breakers.ts';
import type { MetricStore } from './metric-store.ts';

/** Everything the request engine reads and writes while it simulates traffic. */
export type World = {
  readonly topology: Topology;
  readonly services: ReadonlyMap<string, Service>;
  readonly ops: ReadonlyMap<string, Operation>;
  readonly deps: ReadonlyMap<string, Dependency>;
  readonly consumers: ReadonlyMap<string, readonly { readonly service: string; readonly op: string }[]>;
  /** The broker carrying a topic. */
  readonly queueFor: (topic: string) => Dependency | undefined;
  readonly route: (service: string, t: number, rng: Rng) => Route | undefined;
  readonly effects: EffectResolver;
  readonly overload: (service: string, t: number) => OverloadState;
  /** Extra latency factor on a dependency at a time (batch jobs, noisy neighbours). */
  readonly depLoad: (dep: string, t: number) => number;
  readonly breakers: Breakers;
  readonly metrics: MetricStore;
  readonly rng: Rng;
  readonly ids: Rng;
  /** Spans of the request being simulated (all its traces). */
  spans: SpanRec[];
  readonly logs: LogEvent[];
  readonly log: (
    service: Service,
    pod: Instance,
    t: number,
    level: LogLevel,
    event: string,
    params: Readonly<Record<string, string | number | undefined>>,
    failure?: Failure,
    trace?: { readonly traceId: string; readonly spanId: string },
  ) => void;
};
