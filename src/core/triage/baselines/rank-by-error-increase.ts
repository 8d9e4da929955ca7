import type { Hypothesis } from '../../model/hypothesis.ts';
import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { windowMs } from '../window-ms.ts';

/**
 * Baseline: "the service with the largest error-count increase" — error spans served plus error
 * logs, incident window minus the baseline count scaled to the same duration.
 */
export function rankByErrorIncrease(f: TriageFeatures): Hypothesis[] {
  const bMs = Math.max(1, windowMs(f.windows.baseline));
  const iMs = windowMs(f.windows.incident);
  const rows = [...f.services.values()].map((s) => {
    const b = s.baseline.requestErrors + s.baseline.errorLogs;
    const i = s.incident.requestErrors + s.incident.errorLogs;
    return { service: s.service, increase: i - (b * iMs) / bMs };
  });
  rows.sort((a, b) => b.increase - a.increase || (a.service < b.service ? -1 : 1));
  return rows.map((r, k) => ({
    id: `h${k + 1}`,
    service: r.service,
    kind: 'error_code',
    score: Math.round(r.increase * 100) / 100,
    evidence: [],
    reasons: [
      { rule: 'baseline-error-increase', points: r.increase, text: `error count increase ${r.increase.toFixed(1)}` },
    ],
  }));
}
