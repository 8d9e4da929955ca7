import type { TraceWindowed } from '../traces/create-trace-accumulator.ts';

/**
 * Callers often name an uninstrumented (or untraced) service by its address: `wallet.dispatch.
 * svc.cluster.local`, `payments:8080`. When the first label of such a dependency name is a
 * service known from its own spans, logs or changes, the dependency is that service: returns
 * the alias map (address → service).
 */
export function aliasDependencies(traces: TraceWindowed | undefined, others: Iterable<string>): Map<string, string> {
  const known = new Set<string>(others);
  for (const [name, s] of traces?.services ?? []) if (s.role === 'service') known.add(name);
  const out = new Map<string, string>();
  for (const [name, s] of traces?.services ?? []) {
    if (s.role !== 'dependency' || known.has(name)) continue;
    const label = name.split(':')[0]?.split('.')[0];
    if (label && label !== name && known.has(label)) out.set(name, label);
  }
  return out;
}
