import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { windowMs } from '../window-ms.ts';

const MIN_BASELINE_REQUESTS = 20;
const MIN_RATIO = 1.8;

/**
 * Traces (logs when a service has no traces): where did more load *arrive*? A service whose
 * request rate rose is only the entry point of a surge when its known callers' calls to it do
 * not explain the rise (the extra load came from outside, or from a new client). Only requests
 * that succeeded are counted: tail sampling keeps every failing trace, so failures (and their
 * retries) would look like load.
 */
export function trafficRule(f: TriageFeatures, options: RankOptions): RuleFinding[] {
  const bMs = windowMs(f.windows.baseline);
  const iMs = windowMs(f.windows.incident);
  if (bMs <= 0 || iMs <= 0) return [];
  const out: RuleFinding[] = [];
  for (const s of f.services.values()) {
    if (s.role === 'dependency') continue;
    const useTraces = s.baseline.requests >= MIN_BASELINE_REQUESTS;
    const base = useTraces ? s.baseline.requests - s.baseline.requestErrors : s.baseline.logs - s.baseline.errorLogs;
    const inc = useTraces ? s.incident.requests - s.incident.requestErrors : s.incident.logs - s.incident.errorLogs;
    if (base < MIN_BASELINE_REQUESTS) continue;
    const rb = base / bMs;
    const ri = inc / iMs;
    const ratio = ri / rb;
    if (ratio < MIN_RATIO) continue;
    let explained = 0;
    if (useTraces) {
      for (const e of f.edges) {
        if (e.to !== s.service) continue;
        const okB = e.baseline.calls - e.baseline.errors;
        const okI = e.incident.calls - e.incident.errors;
        explained += Math.max(0, okI / iMs - okB / bMs);
      }
    }
    const unexplained = Math.max(0, Math.min(1, 1 - explained / (ri - rb)));
    if (unexplained < 0.5) continue;
    const strength = Math.min(1, Math.log2(ratio) / 2) * unexplained * (useTraces ? 1 : 0.5);
    const unit = useTraces ? 'successful requests' : 'non-error log lines';
    const text =
      `${unit} per minute rose ×${formatNumber(ratio)} (${formatNumber(rb * 60_000)} → ${formatNumber(ri * 60_000)})` +
      (useTraces ? `, ${Math.round(unexplained * 100)}% of the rise not explained by its known callers` : '');
    out.push({
      rule: 'traffic',
      service: s.service,
      points: options.points.traffic * strength,
      text,
      facts: { surgeRatio: ratio, surgeUnexplained: unexplained },
      evidence: [
        {
          id: `${useTraces ? 'traces' : 'logs'}:traffic:${s.service}`,
          source: useTraces ? 'traces' : 'logs',
          kind: 'traffic',
          service: s.service,
          summary: `${s.service}: ${text}`,
          stance: 'supports',
          data: {
            baselinePerMin: Math.round(rb * 60_000 * 10) / 10,
            incidentPerMin: Math.round(ri * 60_000 * 10) / 10,
            unexplained: Math.round(unexplained * 100) / 100,
          },
        },
      ],
    });
  }
  return out;
}
