import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import type { Result } from '../../core/result/result.ts';
import { matchRunbooks } from '../../core/runbooks/match-runbooks.ts';
import type { RunPlan } from '../../core/runbooks/run-plan.ts';
import type { StepResult } from '../../core/runbooks/step-result.ts';
import type { Run } from '../../core/storage/run-store.ts';
import type { AuditVerification } from '../audit/audit-verification.ts';
import { verifyAudit } from '../audit/verify-audit.ts';
import type { RunAdvance } from './advance-run.ts';
import { advanceRun } from './advance-run.ts';
import type { ApprovalDecisionOutcome } from './approval-decision-outcome.ts';
import { decideApproval } from './decide-approval.ts';
import { proposeRun } from './propose-run.ts';
import { requestApproval } from './request-approval.ts';
import type { RunbookDeps } from './runbook-deps.ts';

export type RunbookDemoInput = {
  readonly incidentId: string;
  readonly report: TriageReport;
  readonly alert?: Alert;
  /** Default: the best-matching runbook with a step that needs two approvers. */
  readonly runbookId?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** Slack user ids: who proposes and requests, and the two approvers (distinct, neither the requester). */
  readonly requester: string;
  readonly approvers: readonly [string, string];
  readonly groupsOf?: (user: string) => Promise<readonly string[]>;
  /** The audit checkpoint key, if configured (the chain is verified with it at the end). */
  readonly checkpointKey?: string;
  /** Narration: called as the demo goes. */
  readonly onEvent?: (e: RunbookDemoEvent) => void;
};

export type RunbookDemoEvent =
  | { readonly kind: 'proposed'; readonly run: Run; readonly plan: RunPlan }
  | { readonly kind: 'approval-requested'; readonly steps: readonly number[] }
  | {
      readonly kind: 'decision';
      readonly user: string;
      readonly step: number;
      readonly outcome: ApprovalDecisionOutcome;
    }
  | { readonly kind: 'step'; readonly result: StepResult }
  | { readonly kind: 'finished'; readonly run: Run }
  | { readonly kind: 'audit'; readonly verification: AuditVerification };

export type RunbookDemo = {
  readonly plan: RunPlan;
  readonly run: Run;
  readonly decisions: readonly ApprovalDecisionOutcome[];
  readonly advance: RunAdvance;
  readonly audit: AuditVerification;
};

/**
 * The approval flow end to end, for `npm run demo` and its test: proposes the runbook that fits
 * the triage's hypotheses, requests approval, shows the requester's own approval refused, records
 * two distinct approvers' approvals of every step that needs them, runs the run (its steps and
 * verification) and verifies the audit chain. With harmless local executors (a local HTTP target,
 * an allowlisted local command) nothing outside the machine is touched.
 */
export async function demonstrateApprovedRunbook(
  deps: RunbookDeps,
  input: RunbookDemoInput,
): Promise<Result<RunbookDemo, CausewayError>> {
  const emit = input.onEvent ?? (() => undefined);
  const groupsOf = input.groupsOf ?? (async () => []);
  const offers = matchRunbooks(deps.catalog, input.report, input.alert);
  const runbookId =
    input.runbookId ??
    offers.find((o) => o.runbook.steps.some((s) => (s.approval?.min ?? 0) >= 2))?.runbook.id ??
    offers[0]?.runbook.id;
  if (!runbookId) return { ok: false, error: { code: 'RUNBOOK_NOT_FOUND', message: 'no runbook fits this incident' } };
  const proposed = await proposeRun(deps, {
    runbookId,
    incidentId: input.incidentId,
    report: input.report,
    ...(input.alert ? { alert: input.alert } : {}),
    ...(input.params ? { params: input.params } : {}),
    proposedBy: `slack:${input.requester}`,
  });
  if (!proposed.ok) return proposed;
  const { plan } = proposed.value;
  emit({ kind: 'proposed', run: proposed.value.run, plan });
  const requested = await requestApproval(deps, {
    runId: proposed.value.run.id,
    requestedBy: `slack:${input.requester}`,
  });
  if (!requested.ok) return requested;
  const steps = requested.value.requested.map((r) => r.stepIndex);
  emit({ kind: 'approval-requested', steps });
  const decisions: ApprovalDecisionOutcome[] = [];
  for (const step of steps) {
    for (const user of [input.requester, ...input.approvers]) {
      const outcome = await decideApproval(deps, {
        runId: proposed.value.run.id,
        step,
        user,
        decision: 'approve',
        groupsOf,
      });
      decisions.push(outcome);
      emit({ kind: 'decision', user, step, outcome });
      if (outcome.outcome === 'recorded' && outcome.state === 'granted') break;
    }
  }
  const advance = await advanceRun(deps, {
    runId: proposed.value.run.id,
    actor: `slack:${input.approvers[1]}`,
    onStep: (result) => emit({ kind: 'step', result }),
  });
  const run = advance.run ?? proposed.value.run;
  emit({ kind: 'finished', run });
  const audit = await verifyAudit(deps, { key: input.checkpointKey });
  emit({ kind: 'audit', verification: audit });
  return { ok: true, value: { plan, run, decisions, advance, audit } };
}
