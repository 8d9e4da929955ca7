import type { Rng } from '../core/rng.ts';
import type { Topology } from '../model/topology-model.ts';
import { addIngressProxy } from './add-ingress-proxy.ts';
import { buildTopology } from './build-topology.ts';
import { FAMILY_CATALOG } from './family-catalog.ts';
import { randomFamily } from './random-family.ts';

export const TOPOLOGY_NAMES: readonly string[] = [...Object.keys(FAMILY_CATALOG), 'random'];

/** Draws a concrete topology of the named family (`random` for the generator). */
export function drawTopology(family: string, rng: Rng): Topology {
  let spec = family === 'random' ? randomFamily(rng.fork('family')) : FAMILY_CATALOG[family];
  if (!spec) throw new Error(`unknown topology "${family}"`);
  if (rng.chance(0.3)) spec = addIngressProxy(spec, rng);
  return buildTopology(spec, rng);
}
