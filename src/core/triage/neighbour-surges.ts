import type { TriageFeatures } from '../telemetry/triage-features.ts';
import type { RuleFinding } from './rule-finding.ts';

/**
 * For each service, the largest rise of load at a service it calls or is called by that shows
 * no overload itself: load that passed through (or came from) there on its way to this service.
 */
export function neighbourSurges(
  f: TriageFeatures,
  findings: readonly RuleFinding[],
): Map<string, { readonly service: string; readonly ratio: number }> {
  const rose = new Map<string, number>();
  for (const x of findings) {
    const ratio = Number(x.facts?.surgeRatio ?? 0);
    if (x.rule === 'traffic' && Number.isFinite(ratio) && Number(x.facts?.saturation ?? 1) === 0)
      rose.set(x.service, Math.max(ratio, rose.get(x.service) ?? 0));
  }
  const out = new Map<string, { service: string; ratio: number }>();
  const offer = (to: string, from: string) => {
    const ratio = rose.get(from);
    if (ratio !== undefined && ratio > (out.get(to)?.ratio ?? 0)) out.set(to, { service: from, ratio });
  };
  for (const e of f.edges) {
    if (e.baseline.calls === 0) continue;
    offer(e.from, e.to);
    offer(e.to, e.from);
  }
  return out;
}
