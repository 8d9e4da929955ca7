import type { TriageReport } from '../model/triage-report.ts';
import { assessConfidence } from '../triage/assess-confidence.ts';
import { calibrate } from '../triage/calibrate.ts';
import { summarizeTriage } from '../triage/summarize-triage.ts';
import type { SeenBeforeMatch } from './seen-before-match.ts';
import { CONFIRMED_CAUSE_SHARE, weighConfirmedCauses } from './weigh-confirmed-causes.ts';

/**
 * A triage report with its past confirmed causes weighed in (weighConfirmedCauses): the hypotheses
 * re-ordered, recalibrated, the confidence and summary rebuilt from them, and the moved metric
 * series (what the chart draws) in the hypotheses' new order. The same report when
 * no match adds anything.
 */
export function reweighReport(
  report: TriageReport,
  matches: readonly SeenBeforeMatch[],
  share = CONFIRMED_CAUSE_SHARE,
): TriageReport {
  const weighed = weighConfirmedCauses(report.hypotheses, matches, share);
  if (weighed.every((h, i) => h === report.hypotheses[i])) return report;
  const hypotheses = calibrate(weighed);
  const confidence = assessConfidence(hypotheses);
  // The chart's moved series follow their hypotheses' new order (it draws the first).
  const rank = (service: string) => {
    const i = hypotheses.findIndex((h) => h.service === service);
    return i < 0 ? hypotheses.length : i;
  };
  const moved = report.moved && [...report.moved].sort((a, b) => rank(a.service) - rank(b.service));
  return {
    ...report,
    hypotheses,
    confidence,
    summary: summarizeTriage(hypotheses, confidence),
    ...(moved ? { moved } : {}),
  };
}
