import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { countExcess } from '../count-excess.ts';
import { coveredMs } from '../covered-ms.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';

/**
 * Traces: for each uninstrumented dependency (a database, cache, queue, external API), compare
 * its callers. Calls failing from several callers and succeeding from none say the dependency
 * is at fault; calls failing from one caller while another caller's calls succeed say the
 * dependency is fine and the failing caller is (its config, its queries).
 */
export function calleeHealthRule(f: TriageFeatures, options: RankOptions): RuleFinding[] {
  const bMs = coveredMs(f.windows, 'baseline', 'traces');
  const iMs = coveredMs(f.windows, 'incident', 'traces');
  const out: RuleFinding[] = [];
  const byCallee = new Map<string, { failing: string[]; healthy: string[] }>();
  for (const e of f.edges) {
    const callee = f.services.get(e.to);
    if (callee?.role !== 'dependency') continue;
    const entry = byCallee.get(e.to) ?? { failing: [], healthy: [] };
    byCallee.set(e.to, entry);
    const x = countExcess(e.baseline.errors, bMs, e.incident.errors, iMs);
    const rate = e.incident.calls > 0 ? e.incident.errors / e.incident.calls : 0;
    if (x.excess >= 3 && x.z >= 2.5 && rate >= 0.2) entry.failing.push(e.from);
    else if (e.incident.calls >= 5 && rate < 0.05 && callerHealthy(f, e.from)) entry.healthy.push(e.from);
  }
  for (const [callee, { failing, healthy }] of [...byCallee].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (failing.length >= 2 && healthy.length === 0) {
      const text = `calls to it fail from ${failing.length} callers (${failing.slice(0, 4).join(', ')}) and succeed from none`;
      out.push({
        rule: 'callee-health',
        service: callee,
        points: options.points.calleeHealth * Math.min(1, (failing.length - 1) / 2),
        text,
        facts: { failingCallers: failing.length },
        evidence: [
          {
            id: `traces:callers-fail:${callee}`,
            source: 'traces',
            kind: 'callers-fail',
            service: callee,
            summary: `${callee}: ${text}`,
            stance: 'supports',
            data: { failingCallers: failing.join(','), healthyCallers: '' },
          },
        ],
      });
    } else if (failing.length === 1 && healthy.length >= 1) {
      const caller = failing[0] as string;
      const text = `only ${caller}'s calls to ${callee} fail; calls from ${healthy.slice(0, 3).join(', ')} succeed`;
      out.push({
        rule: 'callee-health',
        service: caller,
        points: options.points.calleeHealth * 0.7,
        text,
        facts: { healthyPeers: healthy.length },
        evidence: [
          {
            id: `traces:only-caller-fails:${caller}:${callee}`,
            source: 'traces',
            kind: 'only-caller-fails',
            service: caller,
            summary: text,
            stance: 'supports',
            data: { callee, healthyCallers: healthy.join(',') },
          },
        ],
      });
      out.push({
        rule: 'callee-health',
        service: callee,
        points: 0,
        text: `answers ${healthy.slice(0, 3).join(', ')} normally; only ${caller}'s calls fail`,
        evidence: [
          {
            id: `traces:callee-healthy:${callee}`,
            source: 'traces',
            kind: 'callee-healthy',
            service: callee,
            summary: `${callee} answers ${healthy.slice(0, 3).join(', ')} normally; only ${caller}'s calls fail`,
            stance: 'refutes',
            data: { failingCaller: caller, healthyCallers: healthy.join(',') },
          },
        ],
      });
    }
  }
  return out;
}

/** A caller whose own requests mostly succeed: its successful calls vouch for the callee. */
function callerHealthy(f: TriageFeatures, service: string): boolean {
  const s = f.services.get(service);
  if (!s || s.incident.requests === 0) return true;
  return s.incident.requestErrors / s.incident.requests < 0.1;
}
