import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { countExcess } from '../count-excess.ts';
import { SATURATION_WORDS } from '../fault-words.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { windowMs } from '../window-ms.ts';
import type { ServiceLogSignals } from './log-signals.ts';

const MIN_BASELINE = 20;
const MIN_RATIO = 1.8;
const MIN_NEW_CLIENT_CALLS = 10;

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
  const bMs = windowMs(f.windows.baseline);
  const iMs = windowMs(f.windows.incident);
  if (bMs <= 0 || iMs <= 0) return [];
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
  for (const s of f.services.values()) {
    if (s.role === 'dependency') continue;
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
    const rb = base / bMs;
    const ri = inc / iMs;
    const ratio = ri / rb;
    if (ratio < MIN_RATIO || countExcess(base, bMs, inc, iMs).z < 3) continue;
    const { saturation, signs } = saturationOf(f, s.service, signals);
    const strength = Math.min(1, Math.log2(ratio) / 2) * (0.3 + 0.7 * saturation) * 1;
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

/** 0..1: how much a service shows overload of its own (self time up, own failures up, words of slowness). */
function saturationOf(
  f: TriageFeatures,
  service: string,
  signals: ReadonlyMap<string, ServiceLogSignals>,
): { saturation: number; signs: string[] } {
  const s = f.services.get(service);
  const signs: string[] = [];
  let score = 0;
  if (s) {
    const b = s.baseline.selfTime;
    const i = s.incident.selfTime;
    if (b.n >= 5 && i.n >= 3 && i.mean >= 1.5 * b.mean && i.mean - b.mean >= 5) {
      score += 0.5;
      signs.push(`its own time per request ×${formatNumber(i.mean / Math.max(b.mean, 0.1))}`);
    }
    const own = countExcess(
      s.baseline.originErrors,
      windowMs(f.windows.baseline),
      s.incident.originErrors,
      windowMs(f.windows.incident),
    );
    if (own.excess >= 3 && own.z >= 2.5) {
      score += 0.5;
      signs.push(`${formatNumber(own.observed)} failures of its own`);
    }
  }
  let slowLines = 0;
  for (const n of signals.get(service)?.novel ?? []) {
    if (n.echoes.length === 0 && SATURATION_WORDS.test(n.pattern.template)) slowLines += n.excess;
  }
  if (slowLines >= 3) {
    score += Math.min(0.6, slowLines / 20);
    signs.push(`${formatNumber(slowLines)} new lines saying it is slow or shedding load`);
  }
  return { saturation: Math.min(1, score), signs };
}
