import type { Rng } from '../core/rng.ts';
import type { FamilySpec } from './family-spec.ts';
import { parseCall } from './parse-call.ts';

/**
 * Decides which services of a family this topology has (optional ones are dropped at
 * random), then removes consumers whose topics nobody publishes. Returns the service keys.
 */
export function selectFamilyParts(spec: FamilySpec, rng: Rng): string[] {
  const keys = Object.keys(spec.services).filter((k) => {
    const s = spec.services[k];
    return s !== undefined && !(s.optional !== undefined && rng.chance(s.optional));
  });
  if (!keys.some((k) => spec.services[k]?.role === 'edge')) {
    const edge = Object.keys(spec.services).find((k) => spec.services[k]?.role === 'edge');
    if (edge) keys.unshift(edge);
  }
  const kept = new Set(keys);
  const published = new Set<string>();
  for (const k of kept) {
    const s = spec.services[k];
    const all = [...Object.values(s?.ops ?? {}), ...Object.values(s?.consumes ?? {})].flat();
    for (const c of all) {
      if (c.startsWith('=')) continue;
      const p = parseCall(c);
      if (p.type === 'publish') published.add(p.op);
    }
  }
  return keys.filter((k) => {
    const s = spec.services[k];
    if (!s?.consumes) return true;
    return Object.keys(s.consumes).some((t) => published.has(t));
  });
}
