import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { windowMs } from '../window-ms.ts';

const MIN_BASELINE = 20;
const MAX_RATIO = 0.25;

/**
 * Traces and logs: an instrumented service that stopped serving (its requests or its log lines
 * nearly vanished) while its callers' calls to it fail is down, whatever its own telemetry says.
 */
export function serviceDownRule(f: TriageFeatures, options: RankOptions): RuleFinding[] {
  const bMs = windowMs(f.windows.baseline);
  const iMs = windowMs(f.windows.incident);
  if (bMs <= 0 || iMs <= 0) return [];
  const out: RuleFinding[] = [];
  for (const s of f.services.values()) {
    if (s.role === 'dependency') continue;
    const byTraces = s.baseline.requests >= MIN_BASELINE;
    const base = byTraces ? s.baseline.requests : s.baseline.logs;
    const inc = byTraces ? s.incident.requests : s.incident.logs;
    if (base < MIN_BASELINE) continue;
    const expected = (base * iMs) / bMs;
    const ratio = inc / expected;
    if (ratio > MAX_RATIO) continue;
    let callErrors = 0;
    let calls = 0;
    for (const e of f.edges) {
      if (e.to !== s.service) continue;
      calls += e.incident.calls;
      callErrors += e.incident.errors;
    }
    const callersFail = calls > 0 && callErrors / calls > 0.3;
    const strength = (1 - ratio) * (callersFail ? 1 : 0.6);
    const text =
      `${byTraces ? 'requests served' : 'log lines'} fell to ${formatNumber(inc)} (${formatNumber(expected)} expected)` +
      (callersFail ? `; ${Math.round((callErrors / calls) * 100)}% of its callers' calls to it fail` : '');
    out.push({
      rule: 'service-down',
      service: s.service,
      points: options.points.serviceDown * strength,
      text,
      facts: { downRatio: ratio },
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
