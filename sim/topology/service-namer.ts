import type { Rng } from '../core/rng.ts';
import type { Role } from '../model/topology-model.ts';

type Style = 'bare' | 'svc' | 'service' | 'concat' | 'api' | 'prefixed' | 'underscore';

const STYLES: readonly (readonly [Style, number])[] = [
  ['bare', 30],
  ['svc', 12],
  ['service', 15],
  ['concat', 8],
  ['api', 12],
  ['prefixed', 10],
  ['underscore', 4],
];

function styled(base: string, role: Role, style: Style, prefix: string): string {
  switch (style) {
    case 'bare':
      return base;
    case 'svc':
      return `${base}-svc`;
    case 'service':
      return base.endsWith('-service') ? base : `${base}-service`;
    case 'concat':
      return `${base.replace(/-/g, '')}service`;
    case 'api':
      return role === 'worker' ? `${base}-worker` : `${base}-api`;
    case 'prefixed':
      return `${prefix}-${base}`;
    case 'underscore':
      return base.replace(/-/g, '_');
  }
}

/**
 * Returns a function that names services the way one organisation does: one dominant
 * style (bare, `-svc`, `-service`, `checkoutservice`, `-api`, `acme-` prefix ...) with a
 * few services that deviate, as real fleets do. Names are unique within the topology.
 */
export function createServiceNamer(rng: Rng, org: string): (base: string, role: Role, fixed: boolean) => string {
  const style = rng.weighted(STYLES);
  const deviate = rng.float(0.05, 0.3);
  const prefix = org.slice(0, rng.int(2, Math.min(5, org.length)));
  const used = new Set<string>();
  return (base, role, fixed) => {
    let s: Style = style;
    if (rng.chance(deviate)) s = rng.weighted(STYLES);
    let name = fixed ? base : styled(base, role, s, prefix);
    if (!fixed && role === 'worker' && s === 'bare' && rng.chance(0.3))
      name = `${base}-${rng.pick(['worker', 'consumer'])}`;
    let n = 2;
    const first = name;
    while (used.has(name)) name = `${first}-${n++}`;
    used.add(name);
    return name;
  };
}
