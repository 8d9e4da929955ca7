import type { Rng } from '../core/rng.ts';
import type { LogEvent } from '../model/records.ts';
import type { Dependency, Operation, Service, Topology } from '../model/topology-model.ts';
import type { Effect, Instance } from '../model/world-model.ts';
import type { OverloadState } from '../world/build-overload-model.ts';
import { createEffectResolver } from '../world/create-effect-resolver.ts';
import { createRouter } from '../world/create-router.ts';
import { createBreakers } from './create-breakers.ts';
import { createMetricStore } from './metric-store.ts';
import type { World } from './world.ts';

export type WorldInput = {
  readonly topology: Topology;
  readonly pods: ReadonlyMap<string, readonly Instance[]>;
  readonly effects: readonly Effect[];
  readonly overload: (service: string, t: number) => OverloadState;
  readonly depLoad: (dep: string, t: number) => number;
  readonly start: number;
  readonly rng: Rng;
  readonly ids: Rng;
};

/** Assembles the engine's world from the scenario parts. */
export function buildWorld(input: WorldInput): World {
  const { topology } = input;
  const services = new Map<string, Service>(topology.services.map((s) => [s.name, s]));
  const ops = new Map<string, Operation>();
  const consumers = new Map<string, { service: string; op: string }[]>();
  for (const s of topology.services)
    for (const o of s.ops) {
      ops.set(`${s.name}|${o.key}`, o);
      if (o.topic) consumers.set(o.topic, [...(consumers.get(o.topic) ?? []), { service: s.name, op: o.key }]);
    }
  const deps = new Map<string, Dependency>(topology.deps.map((d) => [d.key, d]));
  const topicDep = new Map<string, Dependency>();
  for (const s of topology.services)
    for (const o of s.ops)
      for (const c of o.calls)
        if (c.target.type === 'publish') {
          const d = deps.get(c.target.dep);
          if (d) topicDep.set(c.target.topic, d);
        }
  const logs: LogEvent[] = [];
  const rng = input.rng;
  const world: World = {
    topology,
    services,
    ops,
    deps,
    consumers,
    queueFor: (topic) => topicDep.get(topic),
    route: createRouter(input.pods, rng.int(3000, 12000)),
    effects: createEffectResolver(input.effects),
    overload: input.overload,
    depLoad: input.depLoad,
    breakers: createBreakers(rng.pick([10_000, 30_000, 60_000])),
    metrics: createMetricStore(input.start),
    rng,
    ids: input.ids,
    spans: [],
    logs,
    log: (service, pod, t, level, event, params, failure, trace) => {
      if (!service.logged) return;
      if (level === 'debug' && !service.log.debug) return;
      const correlate = trace !== undefined && rng.chance(service.log.traceCorrelation);
      logs.push({
        t,
        service: service.name,
        pod: pod.pod,
        level,
        event,
        params,
        ...(failure ? { failure } : {}),
        ...(correlate ? { traceId: trace.traceId, spanId: trace.spanId } : {}),
      });
    },
  };
  return world;
}
