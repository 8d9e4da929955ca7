import type { ChangeEvent } from '../../model/change-event.ts';
import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { changeProximity } from './change-proximity.ts';
import { changeTiming } from './change-timing.ts';

/**
 * Changes: a deploy or config change close before the onset, on a service that itself shows
 * an anomaly (its own failures, latency, new errors), is the classic cause. A change on a
 * service that shows nothing is listed, with few points, as a refuted suspect.
 * `anomaly` holds the points the other rules gave each service.
 */
export function changeRule(
  f: TriageFeatures,
  options: RankOptions,
  anomaly: ReadonlyMap<string, number>,
): RuleFinding[] {
  const { onset, horizon } = f.windows;
  const best = new Map<string, { c: ChangeEvent; p: number }>();
  for (const c of f.changes) {
    if (c.startedAt > horizon || c.startedAt < onset - options.changeLookbackMs) continue;
    const p = changeProximity(c, onset, options.changeDecayMs);
    const cur = best.get(c.service);
    if (!cur || p > cur.p || (p === cur.p && c.startedAt > cur.c.startedAt)) best.set(c.service, { c, p });
  }
  // A change fits as well as its service's own anomaly compares with the strongest anomaly of
  // the incident: a deploy on a service that merely shows a few echoed errors does not.
  let strongest = 0;
  for (const v of anomaly.values()) strongest = Math.max(strongest, v);
  const full = Math.max(options.anomalyForFullChange, 0.6 * strongest);
  const out: RuleFinding[] = [];
  for (const [service, { c, p }] of [...best].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const a = anomaly.get(service) ?? 0;
    const fit = Math.min(1, a / full);
    const when = changeTiming(c, onset);
    const what = `${c.type} ${c.id}${c.version ? ` (${c.previousVersion ? `${c.previousVersion} → ` : ''}${c.version})` : ''}`;
    const supports = fit >= 0.25 && p >= 0.1;
    const points = supports ? options.points.change * p * fit : options.points.changeWithoutAnomaly * p;
    const text = supports
      ? `${what} ${when}, and the service itself shows the anomaly`
      : `${what} ${when}, but the service shows ${a > 0 ? 'little' : 'no'} anomaly of its own`;
    out.push({
      rule: 'change',
      service,
      points,
      text,
      facts: { changeId: c.id, changeType: c.type, changeProximity: p, changeFit: fit },
      evidence: [
        {
          id: `changes:${c.id}`,
          source: 'changes',
          kind: c.type,
          service,
          summary: `${service}: ${text}${c.description ? ` — "${c.description}"` : ''}`,
          stance: supports ? 'supports' : 'refutes',
          data: { proximity: Math.round(p * 100) / 100, author: c.author ?? null, version: c.version ?? null },
          changeId: c.id,
          ...(c.url ? { link: c.url } : {}),
        },
      ],
    });
  }
  return out;
}
