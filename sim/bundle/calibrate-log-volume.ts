import type { Topology } from '../model/topology-model.ts';
import type { Load } from '../world/compute-load.ts';

/** Scales access-log sampling so the expected number of access lines stays near `budget` (log volume still differs a lot between services). */
export function calibrateLogVolume(topology: Topology, load: Load, durationMs: number, budget: number): Topology {
  let expected = 0;
  for (const s of topology.services)
    if (s.logged) expected += s.log.accessRate * (load.service.get(s.name) ?? 0) * (durationMs / 1000);
  if (expected <= budget) return topology;
  const f = budget / expected;
  return {
    ...topology,
    services: topology.services.map((s) => ({ ...s, log: { ...s.log, accessRate: s.log.accessRate * f } })),
  };
}
