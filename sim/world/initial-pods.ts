import type { Rng } from '../core/rng.ts';
import type { Topology } from '../model/topology-model.ts';
import type { Instance } from '../model/world-model.ts';
import { podNames } from './pod-names.ts';

/** The pods every service runs when the scenario starts (running since well before the window). */
export function initialPods(
  topology: Topology,
  nodes: readonly string[],
  start: number,
  rng: Rng,
): Map<string, Instance[]> {
  const out = new Map<string, Instance[]>();
  for (const s of topology.services) {
    const rs = podNames.replicaSetHash(rng);
    const stateful = s.role === 'batch' ? false : rng.chance(0.05);
    const pods: Instance[] = [];
    for (let i = 0; i < s.replicas; i++) {
      const pod = stateful ? `${s.name}-${i}` : podNames.pod(rng, s.name, rs);
      const born = start - rng.float(3_600_000, 30 * 86_400_000);
      pods.push({
        service: s.name,
        pod,
        node: rng.pick(nodes),
        version: s.version,
        start: born,
        end: Number.POSITIVE_INFINITY,
        incarnations: [{ id: podNames.uuid(rng), start: born, end: Number.POSITIVE_INFINITY, killed: false }],
      });
    }
    out.set(s.name, pods);
  }
  return out;
}
