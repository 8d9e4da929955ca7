import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { countExcess } from '../count-excess.ts';
import { coveredMs } from '../covered-ms.ts';
import { formatNumber } from '../format-number.ts';
import { formatPercent } from '../format-percent.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { sharePoints } from '../share-points.ts';
import type { ServiceLogSignals } from './log-signals.ts';

/**
 * Traces: where do the incident's new failures start? A failing trace's origin is the deepest
 * failing span (a service's own error, not one propagated from a callee). Points are shared in
 * proportion to each service's excess of origin failures over its baseline rate.
 */
export function originErrorsRule(
  f: TriageFeatures,
  options: RankOptions,
  signals: ReadonlyMap<string, ServiceLogSignals> = new Map(),
): RuleFinding[] {
  const bMs = coveredMs(f.windows, 'baseline', 'traces');
  const iMs = coveredMs(f.windows, 'incident', 'traces');
  const excess = new Map<string, number>();
  const detail = new Map<string, ReturnType<typeof countExcess>>();
  for (const s of f.services.values()) {
    const e = countExcess(s.baseline.originErrors, bMs, s.incident.originErrors, iMs);
    detail.set(s.service, e);
    // A service seen only through its callers' spans, or whose failures are known only from its
    // own error logs (spans without status), may be passing on a failure from further down that
    // no span shows; when its own logs say it does, believe them.
    const relay = signals.get(s.service)?.mentionShare ?? 0;
    const blind = s.traced ? s.incident.originErrorsFromLogs / Math.max(s.incident.originErrors, 1e-9) : 1;
    if (e.excess >= 2 && e.z >= 2.5) excess.set(s.service, e.excess * (1 - relay * blind));
  }
  const shares = sharePoints(excess, options.points.originErrors, 5);
  const out: RuleFinding[] = [];
  for (const [service, { points, share }] of shares) {
    const e = detail.get(service) as ReturnType<typeof countExcess>;
    const s = f.services.get(service);
    const text =
      `failures start here in ${formatPercent(share)} of the new failing traces ` +
      `(${formatNumber(e.observed)} in the incident window, ${formatNumber(e.expected)} expected from the baseline)`;
    out.push({
      rule: 'origin-errors',
      service,
      points,
      text,
      facts: { originShare: share, originObserved: e.observed },
      evidence: [
        {
          id: `traces:origin-errors:${service}`,
          source: 'traces',
          kind: 'origin-errors',
          service,
          summary: `${service}: ${text}`,
          stance: 'supports',
          data: {
            observed: round(e.observed),
            expected: round(e.expected),
            share: round(share),
            failingTraces: s?.incident.failingTraces ?? 0,
          },
          traceIds: s?.exampleTraceIds ?? [],
        },
      ],
    });
  }
  // Services whose failures are nearly all propagated from elsewhere: say so (refuting evidence).
  for (const s of f.services.values()) {
    if (shares.has(s.service)) continue;
    const failing = s.incident.failingTraces - (s.baseline.failingTraces * iMs) / Math.max(1, bMs);
    if (failing < 5) continue;
    const own = s.incident.originErrors / Math.max(1, s.incident.failingTraces);
    if (own > 0.2) continue;
    const top = [...shares].sort((a, b) => b[1].share - a[1].share)[0]?.[0];
    const text = `takes part in ${formatNumber(s.incident.failingTraces)} failing traces, but only ${formatPercent(own)} of them fail here${top ? `; most start in ${top}` : ''}`;
    out.push({
      rule: 'origin-errors',
      service: s.service,
      points: 0,
      text,
      evidence: [
        {
          id: `traces:propagated-errors:${s.service}`,
          source: 'traces',
          kind: 'propagated-errors',
          service: s.service,
          summary: `${s.service}: ${text}`,
          stance: 'refutes',
          data: { failingTraces: s.incident.failingTraces, ownShare: round(own) },
        },
      ],
    });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
