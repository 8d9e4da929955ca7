import type { Rng } from '../core/rng.ts';
import type { Topology } from '../model/topology-model.ts';
import type { Instance } from '../model/world-model.ts';
import { initialPods } from '../world/initial-pods.ts';

/** Adds pods for services a fault added to the topology (a new client), started before the window. */
export function ensurePods(
  pods: ReadonlyMap<string, readonly Instance[]>,
  topology: Topology,
  nodes: readonly string[],
  start: number,
  rng: Rng,
): Map<string, Instance[]> {
  const out = new Map<string, Instance[]>([...pods].map(([k, v]) => [k, [...v]]));
  const missing = topology.services.filter((s) => !out.has(s.name));
  if (missing.length === 0) return out;
  for (const [k, v] of initialPods({ ...topology, services: missing }, nodes, start, rng)) out.set(k, v);
  return out;
}
