import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { countExcess } from '../count-excess.ts';
import { coveredMs } from '../covered-ms.ts';
import { formatNumber } from '../format-number.ts';
import { formatPercent } from '../format-percent.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import { sharePoints } from '../share-points.ts';
import type { ServiceLogSignals } from './log-signals.ts';

const MIN_ATTRIBUTED = 5;
/**
 * Logs: which services log more errors than their baseline rate predicts? An error log that
 * belongs to a trace whose failure started elsewhere, or that names another service
 * ("upstream payment returned 503"), counts mostly for that other service, so symptoms do not
 * outrank causes.
 */
export function errorLogsRule(
  f: TriageFeatures,
  options: RankOptions,
  signals: ReadonlyMap<string, ServiceLogSignals>,
): RuleFinding[] {
  const bMs = coveredMs(f.windows, 'baseline', 'logs');
  const iMs = coveredMs(f.windows, 'incident', 'logs');
  const amounts = new Map<string, number>();
  const info = new Map<string, { e: ReturnType<typeof countExcess>; own: number; why: string }>();
  // Errors that belong to failures elsewhere count in the whole the points are shared from.
  let relayed = 0;
  for (const s of f.services.values()) {
    const e = countExcess(s.baseline.errorLogs, bMs, s.incident.errorLogs, iMs);
    if (e.excess < 3 || e.z < 3) continue;
    const attributed = s.incident.attributedErrorLogs;
    let own = 1;
    let why = '';
    if (attributed >= MIN_ATTRIBUTED) {
      own = 1 - s.incident.propagatedErrorLogs / attributed;
      if (own < 0.8)
        why = `; ${formatPercent(1 - own)} of those with a trace id belong to failures that started elsewhere`;
    } else {
      const share = signals.get(s.service)?.mentionShare ?? 0;
      own = 1 - share;
      if (share > 0.2) why = `; ${formatPercent(share)} of the new error lines name another service`;
    }
    amounts.set(s.service, e.excess * own);
    relayed += e.excess * (1 - own);
    info.set(s.service, { e, own, why });
  }
  const out: RuleFinding[] = [];
  for (const [service, { points, share }] of sharePoints(amounts, options.points.errorLogs, 10, relayed)) {
    const { e, own, why } = info.get(service) as { e: ReturnType<typeof countExcess>; own: number; why: string };
    const text = `error logs rose to ${formatNumber(e.observed)} (${formatNumber(e.expected)} expected, ×${formatNumber(e.ratio)})${why}`;
    out.push({
      rule: 'error-logs',
      service,
      points,
      text,
      facts: { errorLogShare: share, errorLogOwn: own },
      evidence: [
        {
          id: `logs:error-rate:${service}`,
          source: 'logs',
          kind: 'error-rate',
          service,
          summary: `${service}: ${text}`,
          stance: own < 0.3 ? 'refutes' : 'supports',
          data: {
            observed: e.observed,
            expected: Math.round(e.expected * 10) / 10,
            ownShare: Math.round(own * 100) / 100,
          },
        },
      ],
    });
  }
  return out;
}
