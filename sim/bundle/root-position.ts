import type { Topology } from '../model/topology-model.ts';

/** Where the root sits: its call depth from the entries (entry = 1; a dependency is one below its shallowest caller) and its role. */
export function rootPosition(topology: Topology, root: string): { depth: number; role: string } {
  const svc = topology.services.find((s) => s.name === root);
  if (svc)
    return {
      depth: svc.depth,
      role:
        svc.role === 'api'
          ? svc.ops.some((o) => o.calls.some((c) => c.target.type === 'service'))
            ? 'mid-tier'
            : 'leaf'
          : svc.role,
    };
  const dep = topology.deps.find((d) => d.name === root);
  let depth = Number.POSITIVE_INFINITY;
  for (const s of topology.services)
    if (s.ops.some((o) => o.calls.some((c) => c.target.type !== 'service' && c.target.dep === dep?.key)))
      depth = Math.min(depth, s.depth + 1);
  return { depth: Number.isFinite(depth) ? depth : 2, role: `dependency:${dep?.kind ?? 'unknown'}` };
}
