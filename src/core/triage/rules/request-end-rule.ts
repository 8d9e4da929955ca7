import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { formatPercent } from '../format-percent.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';

const MIN_BASELINE = 20;
const MIN_INCIDENT = 10;
/** The share of requests ending at one callee must rise at least this much… */
const MIN_EXCESS = 0.2;
/** …and clearly (a two-proportion z). */
const MIN_Z = 4;
/** At this rise in share the finding counts fully. */
const FULL_EXCESS = 0.5;

/**
 * Traces, when nothing says "error": a service whose requests now end right after calling one
 * callee, far more often than before, stops where that callee answers — the callee returned
 * something (a wrong value, an error the spans do not mark) that cuts the request short. A
 * service whose requests now end before calling anyone fails early on its own. Only requests that
 * did not fail are read; failing ones are the other rules' (and a mix of requests that merely
 * changed spreads the ends over many callees, not onto one).
 */
export function requestEndRule(f: TriageFeatures, options: RankOptions): RuleFinding[] {
  const best = new Map<string, { excess: number; text: string; caller: string; before: number; after: number }>();
  for (const r of f.requestEnds ?? []) {
    const nb = total(r.baseline);
    const ni = total(r.incident);
    if (nb < MIN_BASELINE || ni < MIN_INCIDENT) continue;
    // A service that never calls anyone has nothing to end at.
    if ((r.baseline.get('') ?? 0) === nb) continue;
    for (const [callee, n] of r.incident) {
      const pi = n / ni;
      const pb = (r.baseline.get(callee) ?? 0) / nb;
      const excess = pi - pb;
      if (excess < MIN_EXCESS) continue;
      const p = (n + (r.baseline.get(callee) ?? 0)) / (ni + nb);
      const z = excess / Math.sqrt(Math.max(1e-9, p * (1 - p) * (1 / nb + 1 / ni)));
      if (z < MIN_Z) continue;
      const suspect = callee === '' ? r.service : callee;
      const text =
        callee === ''
          ? `${formatPercent(pi)} of its requests now end before it calls anyone (${formatPercent(pb)} before): it cuts them short itself`
          : `${formatPercent(pi)} of ${r.service}'s requests now end right after calling it (${formatPercent(pb)} before): they stop where it answers`;
      const cur = best.get(suspect);
      if (!cur || excess > cur.excess) best.set(suspect, { excess, text, caller: r.service, before: pb, after: pi });
    }
  }
  const out: RuleFinding[] = [];
  for (const [service, x] of [...best].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push({
      rule: 'request-end',
      service,
      points: options.points.requestEnd * Math.min(1, x.excess / FULL_EXCESS),
      text: x.text,
      facts: { endShare: x.after },
      evidence: [
        {
          id: `traces:request-end:${service}:${x.caller}`,
          source: 'traces',
          kind: 'request-end',
          service,
          summary: `${service}: ${x.text}`,
          stance: 'supports',
          data: {
            caller: x.caller,
            baselineShare: Math.round(x.before * 1000) / 1000,
            incidentShare: Math.round(x.after * 1000) / 1000,
          },
        },
      ],
    });
  }
  return out;
}

function total(m: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}
