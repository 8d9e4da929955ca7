import type { Rng } from '../core/rng.ts';
import type { Dependency, Service, Topology } from '../model/topology-model.ts';
import type { Load } from '../world/compute-load.ts';

export type RootCategory = 'entry' | 'mid' | 'leaf' | 'worker';

function category(s: Service): RootCategory {
  if (s.role === 'edge') return 'entry';
  if (s.role === 'worker') return 'worker';
  return s.ops.some((o) => o.calls.some((c) => c.target.type === 'service')) ? 'mid' : 'leaf';
}

/**
 * Picks a root-cause service with enough traffic, at a depth drawn from the weights
 * (entry, mid-tier, leaf, queue worker), falling back to any busy service.
 */
export function chooseRootService(
  rng: Rng,
  topology: Topology,
  load: Load,
  weights: Readonly<Record<RootCategory, number>>,
  filter?: (s: Service) => boolean,
): Service {
  const total = topology.entries.reduce((a, e) => a + (load.service.get(e.service) ?? 0), 0) || 1;
  const busy = topology.services.filter(
    (s) =>
      s.framework !== 'nginx' &&
      s.framework !== 'envoy' &&
      s.role !== 'batch' &&
      (load.service.get(s.name) ?? 0) / total >= 0.05 &&
      (s.traced || s.logged) &&
      (!filter || filter(s)),
  );
  const pool = busy.length > 0 ? busy : topology.services.filter((s) => s.role !== 'batch');
  const cats = (Object.keys(weights) as RootCategory[]).filter(
    (c) => (weights[c] ?? 0) > 0 && pool.some((s) => category(s) === c),
  );
  if (cats.length === 0) return rng.pick(pool);
  const cat = rng.weighted(cats.map((c) => [c, weights[c] ?? 0] as const));
  return rng.pick(pool.filter((s) => category(s) === cat));
}

/** Picks a dependency with traffic and at least one traced caller (so spans name it). */
export function chooseRootDependency(
  rng: Rng,
  topology: Topology,
  load: Load,
  kinds?: readonly string[],
): Dependency | undefined {
  const traced = new Set<string>();
  for (const s of topology.services)
    if (s.traced)
      for (const o of s.ops) for (const c of o.calls) if (c.target.type !== 'service') traced.add(c.target.dep);
  const total = topology.entries.reduce((a, e) => a + (load.service.get(e.service) ?? 0), 0) || 1;
  const pool = topology.deps.filter(
    (d) => traced.has(d.key) && (load.dep.get(d.key) ?? 0) / total >= 0.03 && (!kinds || kinds.includes(d.kind)),
  );
  if (pool.length === 0) return undefined;
  const critical = new Set<string>();
  for (const s of topology.services)
    for (const o of s.ops)
      for (const c of o.calls) if (c.critical && c.target.type !== 'service') critical.add(c.target.dep);
  return rng.weighted(
    pool.map((d) => [d, Math.sqrt(load.dep.get(d.key) ?? 0.01) * (critical.has(d.key) ? 4 : 1)] as const),
  );
}
