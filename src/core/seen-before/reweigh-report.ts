import type { TriageReport } from '../model/triage-report.ts';
import { assessConfidence } from '../triage/assess-confidence.ts';
import { calibrate } from '../triage/calibrate.ts';
import { summarizeTriage } from '../triage/summarize-triage.ts';
import type { SeenBeforeMatch } from './seen-before-match.ts';
import { CONFIRMED_CAUSE_SHARE, weighConfirmedCauses } from './weigh-confirmed-causes.ts';

/**
 * A triage report with its past confirmed causes weighed in (weighConfirmedCauses): the hypotheses
 * re-ordered, recalibrated, and the confidence and summary rebuilt from them. The same report when
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
  return { ...report, hypotheses, confidence, summary: summarizeTriage(hypotheses, confidence) };
}
