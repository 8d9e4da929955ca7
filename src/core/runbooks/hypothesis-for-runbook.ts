import type { Alert } from '../model/alert.ts';
import type { Hypothesis } from '../model/hypothesis.ts';
import type { TriageReport } from '../model/triage-report.ts';
import { matchRunbooks } from './match-runbooks.ts';
import type { Runbook } from './runbook.ts';

/** The hypothesis a runbook acts on: the one asked for, else the one it matches, else the leading one. */
export function hypothesisForRunbook(
  runbook: Runbook,
  report: TriageReport | undefined,
  alert: Alert | undefined,
  hypothesisId: string | undefined,
): Hypothesis | undefined {
  return (
    (hypothesisId !== undefined ? report?.hypotheses.find((h) => h.id === hypothesisId) : undefined) ??
    (report ? matchRunbooks(new Map([[runbook.id, runbook]]), report, alert)[0]?.hypothesis : undefined) ??
    report?.hypotheses[0]
  );
}
