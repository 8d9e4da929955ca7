import { FAULT_KINDS } from '../src/core/model/fault-kind.ts';
import type { BundleRequest } from './bundle/bundle-files.ts';
import { hashString } from './core/hash-string.ts';
import { createRng } from './core/rng.ts';
import type { SimulateOptions } from './simulate-options.ts';
import { TOPOLOGY_NAMES } from './topology/draw-topology.ts';

/**
 * The bundles a run will write: ids `sim-<seed>-<nnn>`, a seed per bundle derived from the
 * run seed and the index, kinds cycling through all kinds (or the one asked for), and a
 * seeded mix of topology families (about 40 % random topologies) unless one is asked for.
 */
export function planBundles(opts: SimulateOptions): BundleRequest[] {
  const families = TOPOLOGY_NAMES.filter((t) => t !== 'random');
  const out: BundleRequest[] = [];
  const width = Math.max(3, String(opts.count - 1).length);
  for (let i = 0; i < opts.count; i++) {
    const seed = hashString(`causeway-sim:${opts.seed}:${i}`);
    const rng = createRng(seed);
    const kind = opts.kind ?? FAULT_KINDS[i % FAULT_KINDS.length] ?? 'deploy';
    const topology = opts.topology ?? (rng.chance(0.4) ? 'random' : rng.pick(families));
    out.push({
      id: `sim-${opts.seed}-${String(i).padStart(width, '0')}`,
      seed,
      kind,
      topology,
      ...(opts.concurrentRollouts ? { concurrentRollouts: true } : {}),
    });
  }
  return out;
}
