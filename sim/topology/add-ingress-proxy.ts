import type { Rng } from '../core/rng.ts';
import type { FamilyServiceSpec, FamilySpec } from './family-spec.ts';

/**
 * Puts an ingress proxy (nginx, envoy, traefik) in front of the busiest edge service:
 * the proxy becomes the entry, mirrors its routes, and logs every request.
 */
export function addIngressProxy(spec: FamilySpec, rng: Rng): FamilySpec {
  const edges = Object.entries(spec.services).filter(
    ([, s]) => s.role === 'edge' && !s.proxy && s.optional === undefined,
  );
  const chosen = edges.sort((a, b) => (b[1].share ?? 1) - (a[1].share ?? 1))[0];
  if (!chosen) return spec;
  const [edgeKey, edge] = chosen;
  const timeout = rng.pick([15000, 30000, 60000]);
  const ops: Record<string, string[]> = {};
  for (const [key, items] of Object.entries(edge.ops ?? {})) {
    if (!/^(GET|POST|PUT|PATCH|DELETE) /.test(key)) continue;
    const meta = items.find((i) => i.startsWith('='));
    const w = meta ? (/w(\d+)/.exec(meta)?.[1] ?? '1') : '1';
    ops[key] = [`=w${w} ms0.4`, `${edgeKey} ${key} t${timeout}`];
  }
  const proxy: FamilyServiceSpec = {
    names: ['ingress-nginx', 'frontend-proxy', 'envoy-edge', 'edge-proxy', 'traefik', 'nginx-ingress'],
    fixed: true,
    role: 'edge',
    share: edge.share ?? 1,
    ops,
    proxy: true,
  };
  const demoted: FamilyServiceSpec = { ...edge, role: 'api' };
  return { ...spec, services: { ...spec.services, [edgeKey]: demoted, ingress: proxy } };
}
