import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import type { EdgeWindowStats } from '../../traces/edge-window-stats.ts';
import { countExcess } from '../count-excess.ts';
import { coveredMs } from '../covered-ms.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { windowMs } from '../window-ms.ts';
import { callersOf } from './callers-of.ts';
import type { ServiceLogSignals } from './log-signals.ts';
import { saturationOf } from './saturation-of.ts';

const MIN_BASELINE = 20;
const MIN_RATIO = 1.8;
const MIN_NEW_CLIENT_CALLS = 10;
const MIN_CLIENT_SURGE_CALLS = 8;
const MIN_CLIENT_SURGE = 4;
const CLIENT_SURGE_OVER_OTHERS = 5;

/**
 * Traces (logs when a service has too few traces): which service received more load than
 * usual and buckled under it? More load alone only marks the path a surge took; the service it
 * overloaded — slower itself, failing itself, or logging that it is slow, shedding or queueing —
 * is where the surge does harm. Only successful requests and non-error lines count as load:
 * tail sampling keeps every failing trace, so failures (and their retries) would look like load.
 */
export function trafficRule(
  f: TriageFeatures,
  options: RankOptions,
  signals: ReadonlyMap<string, ServiceLogSignals>,
): RuleFinding[] {
  if (windowMs(f.windows.baseline) <= 0 || windowMs(f.windows.incident) <= 0) return [];
  const bMs = coveredMs(f.windows, 'baseline', 'traces');
  const iMs = coveredMs(f.windows, 'incident', 'traces');
  const out: RuleFinding[] = [];
  // A client that never called in the baseline and now calls a lot is new load on its callee,
  // whatever sampling does to the counts.
  for (const e of f.edges) {
    if (e.baseline.calls > 0 || e.incident.calls < MIN_NEW_CLIENT_CALLS || f.services.get(e.to)?.role === 'dependency')
      continue;
    if ((f.services.get(e.from)?.baseline.requests ?? 0) > 0) continue;
    const { saturation, signs } = saturationOf(f, e.to, signals);
    if (saturation === 0) continue;
    const text = `a new client, ${e.from}, made ${formatNumber(e.incident.calls)} calls to it in the incident window (none before), and it buckles: ${signs.join(', ')}`;
    out.push({
      rule: 'traffic',
      service: e.to,
      points: options.points.traffic * (0.3 + 0.7 * saturation),
      text,
      facts: { surgeRatio: Number.POSITIVE_INFINITY, saturation, newClient: e.from },
      evidence: [
        {
          id: `traces:new-client:${e.to}:${e.from}`,
          source: 'traces',
          kind: 'new-client',
          service: e.to,
          summary: `${e.to}: ${text}`,
          stance: 'supports',
          data: { client: e.from, calls: e.incident.calls, saturation: Math.round(saturation * 100) / 100 },
        },
      ],
    });
  }
  // One caller's calls rose far more than the callee's other callers' did: that caller brings new
  // load. Sampling inflates every caller's counts alike when the callee is slow or failing, so
  // the comparison is between callers, not against the baseline alone.
  for (const [callee, ins] of callersOf(f)) {
    if (f.services.get(callee)?.role === 'dependency' || out.some((x) => x.service === callee)) continue;
    // Successful calls only: retries of failing calls (a poison message redelivered) are not load.
    const ok = (w: EdgeWindowStats) => w.calls - w.errors;
    for (const e of ins) {
      if (ok(e.incident) < MIN_CLIENT_SURGE_CALLS || e.baseline.calls === 0) continue;
      const ratio = ((ok(e.incident) + 1) / iMs) * (bMs / (ok(e.baseline) + 1));
      const others = ins.filter((o) => o !== e);
      const otherBase = others.reduce((t, o) => t + ok(o.baseline), 0);
      const otherInc = others.reduce((t, o) => t + ok(o.incident), 0);
      const otherRatio = ((otherInc + 1) / iMs) * (bMs / (otherBase + 1));
      if (others.length === 0 || otherBase < MIN_BASELINE) continue;
      if (ratio < MIN_CLIENT_SURGE || ratio < CLIENT_SURGE_OVER_OTHERS * Math.max(1, otherRatio)) continue;
      // Slower itself, or saying it is slow: failures alone are as often a bug the new load hits.
      const { saturation, signs, slow } = saturationOf(f, callee, signals);
      if (!slow) continue;
      const text = `${e.from} called it ×${formatNumber(ratio)} as often as before (${formatNumber(ok(e.baseline))} → ${formatNumber(ok(e.incident))} successful calls), its other callers ×${formatNumber(otherRatio)}, and it buckles: ${signs.join(', ')}`;
      out.push({
        rule: 'traffic',
        service: callee,
        points: options.points.traffic * (0.3 + 0.7 * saturation),
        text,
        facts: { surgeRatio: ratio, saturation, newClient: e.from },
        evidence: [
          {
            id: `traces:client-surge:${callee}:${e.from}`,
            source: 'traces',
            kind: 'client-surge',
            service: callee,
            summary: `${callee}: ${text}`,
            stance: 'supports',
            data: {
              client: e.from,
              baselineCalls: ok(e.baseline),
              incidentCalls: ok(e.incident),
              ratio: Math.round(ratio * 10) / 10,
              otherCallersRatio: Math.round(otherRatio * 10) / 10,
              saturation: Math.round(saturation * 100) / 100,
            },
          },
        ],
      });
      break;
    }
  }
  for (const s of f.services.values()) {
    if (s.role === 'dependency' || out.some((x) => x.service === s.service)) continue;
    // Logs are not sampled; tail-sampled traces keep every failing or slow request, so their
    // counts track trouble as much as load. Traces count only for services without logs.
    const byTraces = s.baseline.logs - s.baseline.errorLogs - s.baseline.warnLogs < MIN_BASELINE;
    const base = byTraces
      ? s.baseline.requests - s.baseline.requestErrors
      : s.baseline.logs - s.baseline.errorLogs - s.baseline.warnLogs;
    const inc = byTraces
      ? s.incident.requests - s.incident.requestErrors
      : s.incident.logs - s.incident.errorLogs - s.incident.warnLogs;
    if (base < MIN_BASELINE) continue;
    const src = byTraces ? 'traces' : 'logs';
    const sb = coveredMs(f.windows, 'baseline', src);
    const si = coveredMs(f.windows, 'incident', src);
    const rb = base / sb;
    const ri = inc / si;
    const ratio = ri / rb;
    if (ratio < MIN_RATIO || countExcess(base, sb, inc, si).z < 3) continue;
    const { saturation, signs } = saturationOf(f, s.service, signals);
    // More load with no sign that it hurts is a burst or a change of request mix, not a surge:
    // it is said, and scores nothing.
    const strength = saturation > 0 ? Math.min(1, Math.log2(ratio) / 2) * (0.3 + 0.7 * saturation) : 0;
    const unit = byTraces ? 'successful requests' : 'info log lines';
    const text =
      `${unit} per minute rose ×${formatNumber(ratio)} (${formatNumber(rb * 60_000)} → ${formatNumber(ri * 60_000)})` +
      (signs.length > 0 ? ` and it buckles: ${signs.join(', ')}` : '; no sign that it is overloaded');
    out.push({
      rule: 'traffic',
      service: s.service,
      points: options.points.traffic * strength,
      text,
      facts: { surgeRatio: ratio, saturation },
      evidence: [
        {
          id: `${byTraces ? 'traces' : 'logs'}:traffic:${s.service}`,
          source: byTraces ? 'traces' : 'logs',
          kind: 'traffic',
          service: s.service,
          summary: `${s.service}: ${text}`,
          stance: 'supports',
          data: {
            baselinePerMin: Math.round(rb * 60_000 * 10) / 10,
            incidentPerMin: Math.round(ri * 60_000 * 10) / 10,
            saturation: Math.round(saturation * 100) / 100,
          },
        },
      ],
    });
  }
  return out;
}
