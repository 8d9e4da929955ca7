import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { coveredMs } from '../covered-ms.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { windowMs } from '../window-ms.ts';

const MIN_EXPECTED = 15;
const MAX_RATIO = 0.25;

/**
 * Traces and logs: an instrumented service that stopped serving (its requests or its log lines
 * nearly vanished) while its callers' calls to it fail is down, whatever its own telemetry says.
 * Without failing callers, only a service that went silent in every source counts, and less
 * (sampling and restarts make one source's gaps common).
 */
export function serviceDownRule(f: TriageFeatures, options: RankOptions): RuleFinding[] {
  if (windowMs(f.windows.baseline) <= 0 || windowMs(f.windows.incident) <= 0) return [];
  const ms = (w: 'baseline' | 'incident', src: 'traces' | 'logs') => coveredMs(f.windows, w, src);
  const out: RuleFinding[] = [];
  for (const s of f.services.values()) {
    if (s.role === 'dependency') continue;
    const byTraces = s.baseline.requests > 0;
    const base = byTraces ? s.baseline.requests : s.baseline.logs;
    const inc = byTraces ? s.incident.requests : s.incident.logs;
    const src = byTraces ? 'traces' : 'logs';
    const expected = (base * ms('incident', src)) / ms('baseline', src);
    if (expected < MIN_EXPECTED) continue;
    const ratio = inc / expected;
    if (ratio > MAX_RATIO) continue;
    const logsToo = s.baseline.logs > 0 && byTraces;
    const logsExpected = (s.baseline.logs * ms('incident', 'logs')) / ms('baseline', 'logs');
    const silentEverywhere = !logsToo || s.incident.logs <= MAX_RATIO * logsExpected;
    let callErrors = 0;
    let calls = 0;
    for (const e of f.edges) {
      if (e.to !== s.service) continue;
      calls += e.incident.calls;
      callErrors += e.incident.errors;
    }
    const callersFail = calls >= 3 && callErrors / calls > 0.3;
    if (!callersFail && !silentEverywhere) continue;
    const strength = (1 - ratio) * (callersFail ? 1 : 0.4);
    const text =
      `${byTraces ? 'requests served' : 'log lines'} fell to ${formatNumber(inc)} (${formatNumber(expected)} expected)` +
      (callersFail ? `; ${Math.round((callErrors / calls) * 100)}% of its callers' calls to it fail` : '');
    out.push({
      rule: 'service-down',
      service: s.service,
      points: options.points.serviceDown * strength,
      text,
      facts: { downRatio: ratio, callersFail: callersFail ? 1 : 0 },
      evidence: [
        {
          id: `${byTraces ? 'traces' : 'logs'}:went-silent:${s.service}`,
          source: byTraces ? 'traces' : 'logs',
          kind: 'went-silent',
          service: s.service,
          summary: `${s.service}: ${text}`,
          stance: 'supports',
          data: { observed: inc, expected: Math.round(expected), callerErrorRate: calls ? callErrors / calls : null },
        },
      ],
    });
  }
  return out;
}
