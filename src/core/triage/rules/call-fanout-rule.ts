import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';

const MIN_RATIO = 3;
const MIN_CALLS = 10;

/**
 * Traces: a caller that now makes many more calls per request to a callee that still answers
 * (an N+1 query, a lost cache, a loop) changed its own behaviour. Failing calls are left out:
 * retries against a failing callee multiply calls too, and are the callee's doing.
 */
export function callFanoutRule(f: TriageFeatures, options: RankOptions): RuleFinding[] {
  const out: RuleFinding[] = [];
  const best = new Map<string, { to: string; ratio: number; before: number; after: number }>();
  for (const e of f.edges) {
    const caller = f.services.get(e.from);
    if (!caller || caller.baseline.requests < 5 || caller.incident.requests < 2) continue;
    const okB = e.baseline.calls - e.baseline.errors;
    const okI = e.incident.calls - e.incident.errors;
    if (okI < MIN_CALLS || e.incident.errors > 0.2 * e.incident.calls) continue;
    const before = okB / caller.baseline.requests;
    const after = okI / caller.incident.requests;
    const ratio = after / Math.max(before, 0.5);
    if (ratio < MIN_RATIO) continue;
    const cur = best.get(e.from);
    if (!cur || ratio > cur.ratio) best.set(e.from, { to: e.to, ratio, before, after });
  }
  for (const [service, { to, ratio, before, after }] of [...best].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = `now makes ${formatNumber(after)} calls to ${to} per request, up from ${formatNumber(before)} (×${formatNumber(ratio)}), and they succeed`;
    out.push({
      rule: 'call-fanout',
      service,
      points: options.points.callFanout * Math.min(1, Math.log2(ratio) / 3),
      text,
      facts: { fanoutRatio: ratio },
      evidence: [
        {
          id: `traces:call-fanout:${service}:${to}`,
          source: 'traces',
          kind: 'call-fanout',
          service,
          summary: `${service}: ${text}`,
          stance: 'supports',
          data: { callee: to, before: Math.round(before * 100) / 100, after: Math.round(after * 100) / 100 },
        },
      ],
    });
  }
  return out;
}
