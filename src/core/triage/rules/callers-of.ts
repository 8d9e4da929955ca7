import type { TriageFeatures } from '../../telemetry/triage-features.ts';

/** The edges into each callee, largest incident call count first. */
export function callersOf(f: TriageFeatures): Map<string, TriageFeatures['edges'][number][]> {
  const out = new Map<string, TriageFeatures['edges'][number][]>();
  for (const e of f.edges) {
    const list = out.get(e.to) ?? [];
    list.push(e);
    out.set(e.to, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.incident.calls - a.incident.calls);
  return out;
}
