import type { TriageReport } from '../../core/model/triage-report.ts';
import { reweighReport } from '../../core/seen-before/reweigh-report.ts';
import type { SeenBeforeMatch } from '../../core/seen-before/seen-before-match.ts';
import type { SeenBeforeStore } from '../../core/storage/seen-before-store.ts';
import { findSeenBefore } from './find-seen-before.ts';

/**
 * "Seen before" for a fresh triage, in one call: the past incidents like this one (findSeenBefore,
 * on the report as the ranking made it), and the report with their people-confirmed causes weighed
 * in (reweighReport: bounded, explained by a reason naming the past incident, recalibrated, the
 * confidence and summary rebuilt). Call it after the triage and before the report is saved, so the
 * stored, audited and shown ranking is the re-weighed one; show `matches` in the message.
 */
export async function applySeenBefore(
  deps: { readonly seenBefore: SeenBeforeStore },
  report: TriageReport,
  incidentId: string,
): Promise<{ readonly report: TriageReport; readonly matches: readonly SeenBeforeMatch[] }> {
  const matches = await findSeenBefore(deps, report, { incidentId });
  return { report: reweighReport(report, matches), matches };
}
