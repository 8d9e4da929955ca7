import { lastDemotion } from '../../core/autonomy/demotion.ts';
import { evaluateGates, type GateDecision, targetService } from '../../core/autonomy/evaluate-gates.ts';
import type { Pause } from '../../core/autonomy/pause.ts';
import { RATE_WINDOW_MS } from '../../core/autonomy/rate-window-ms.ts';
import type { ShadowRecord } from '../../core/autonomy/shadow-record.ts';
import { shadowTrack } from '../../core/autonomy/shadow-track.ts';
import type { Alert } from '../../core/model/alert.ts';
import type { JsonObject } from '../../core/model/json-value.ts';
import type { TriageReport } from '../../core/model/triage-report.ts';
import { matchRunbooks } from '../../core/runbooks/match-runbooks.ts';
import type { RenderedStep } from '../../core/runbooks/rendered-step.ts';
import type { RunPlan } from '../../core/runbooks/run-plan.ts';
import type { Countdown } from '../../core/storage/autonomy-store.ts';
import type { Run } from '../../core/storage/run-store.ts';
import { proposeRun } from '../runbooks/propose-run.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';

/**
 * What the autonomy decision came to: no autonomous runbook fits the top hypothesis (`none`);
 * one fits but a gate does not hold, so its run waits for approval as before (`supervised`, with
 * the gates); or every gate holds and the step is announced with its stop window (`countdown`).
 */
export type AutonomousDecision =
  | { readonly outcome: 'none' }
  | {
      readonly outcome: 'supervised' | 'countdown';
      readonly run: Run;
      readonly plan: RunPlan;
      readonly decision: GateDecision;
      /** countdown: the announced, durable stop window. */
      readonly countdown?: Countdown;
    };

/**
 * After an incident's triage (and its shadow records): the first autonomous runbook that fits the
 * top hypothesis is proposed as a run, and every gate is evaluated for each of its steps that
 * change something (each must be autonomous and pass). `autonomy.decided` records every gate with
 * its value and threshold, the hypothesis and its evidence ids, the incident's shadow record and
 * the one that earned it. Allowed: a countdown is stored (it survives restarts; `runDueCountdown`
 * runs it when due unless someone stops it) and `autonomy.announced` audited. Not allowed: the
 * proposed run stays for people to approve (supervised).
 */
export async function decideAutonomousRun(
  deps: Pick<AutonomyDeps, 'autonomy' | 'runs' | 'audit' | 'catalog' | 'executors' | 'settings' | 'now' | 'newId'>,
  input: {
    readonly incidentId: string;
    readonly report: TriageReport;
    readonly alert?: Alert;
    /** The pauses in force, when the caller has already read them for this decision (read here otherwise). */
    readonly pauses?: readonly Pause[];
  },
): Promise<AutonomousDecision> {
  const top = input.report.hypotheses[0];
  if (!top) return { outcome: 'none' };
  const offer = matchRunbooks(deps.catalog, input.report, input.alert).find(
    (o) => o.runbook.autonomy === 'autonomous' && o.hypothesis?.id === top.id,
  );
  if (!offer) return { outcome: 'none' };
  const runbook = offer.runbook;
  const proposed = await proposeRun(deps, {
    runbookId: runbook.id,
    incidentId: input.incidentId,
    report: input.report,
    ...(input.alert ? { alert: input.alert } : {}),
    hypothesisId: top.id,
    proposedBy: 'system',
  });
  if (!proposed.ok) return { outcome: 'none' };
  const { run, plan } = proposed.value;
  const now = deps.now();
  const service = top.service;
  const [records, demotions, pauses, recentRuns] = await Promise.all([
    deps.autonomy.shadows(runbook.id),
    deps.autonomy.demotions(runbook.id),
    input.pauses ?? deps.autonomy.pauses(),
    deps.autonomy.autonomousRuns(service, now - RATE_WINDOW_MS),
  ]);
  // One record per incident and runbook: this incident's is what its plan is checked against, and
  // it does not vouch for itself: only earlier incidents count.
  const shadow = records.find((r) => r.incidentId === input.incidentId);
  const earlier = records.filter((r) => r.incidentId !== input.incidentId);
  const track = shadowTrack(runbook.id, earlier, lastDemotion(demotions, runbook.id));
  const acting = plan.steps.filter((s) => s.role === 'main' && s.risk !== 'read');
  const perStep = acting.map((s) => ({
    step: s,
    decision: evaluateGates({
      runbook,
      step: {
        id: s.id,
        autonomy: runbook.steps.find((x) => x.id === s.id)?.autonomy ?? 'supervised',
        risk: s.risk,
        hash: s.hash,
      },
      hypothesis: top,
      plan,
      shadow,
      track,
      settings: deps.settings,
      pauses,
      recentRuns,
      now,
    }),
  }));
  const first = perStep[0];
  if (!first) return { outcome: 'none' };
  const allowed = perStep.every((p) => p.decision.allowed);
  // The decision shown: the first step's gates, or the first step a gate stopped.
  const shown = perStep.find((p) => !p.decision.allowed) ?? first;
  await deps.audit.append({
    actor: 'system',
    action: 'autonomy.decided',
    subject: `run:${run.id}`,
    data: decisionData(input.incidentId, run, runbook.id, allowed, perStep, top, shadow, track.earnedBy, track.scored),
  });
  if (!allowed) return { outcome: 'supervised', run, plan, decision: shown.decision };
  const dueAt = now + deps.settings.countdownMs;
  await deps.autonomy.announce({
    runId: run.id,
    incidentId: input.incidentId,
    runbook: runbook.id,
    service: targetService(plan) ?? service,
    step: first.step.index,
    announcedAt: now,
    dueAt,
  });
  const countdown = await deps.autonomy.countdown(run.id);
  await deps.audit.append({
    actor: 'system',
    action: 'autonomy.announced',
    subject: `run:${run.id}`,
    data: {
      incidentId: input.incidentId,
      runId: run.id,
      runbook: runbook.id,
      step: first.step.index,
      stepId: first.step.id,
      dueAt: new Date(dueAt).toISOString(),
    },
  });
  return { outcome: 'countdown', run, plan, decision: shown.decision, ...(countdown ? { countdown } : {}) };
}

function decisionData(
  incidentId: string,
  run: Run,
  runbook: string,
  allowed: boolean,
  perStep: readonly { readonly step: RenderedStep; readonly decision: GateDecision }[],
  top: TriageReport['hypotheses'][number],
  shadow: ShadowRecord | undefined,
  earnedBy: ShadowRecord | undefined,
  scored: number,
): JsonObject {
  return {
    incidentId,
    runId: run.id,
    runbook,
    allowed,
    steps: perStep.map((p) => ({
      step: p.step.index,
      id: p.step.id,
      name: p.step.name,
      stepHash: p.step.hash,
      allowed: p.decision.allowed,
      gates: p.decision.gates.map((g) => ({ name: g.name, passed: g.passed, value: g.value, threshold: g.threshold })),
    })),
    hypothesis: {
      id: top.id,
      service: top.service,
      kind: top.kind,
      probability: top.probability ?? null,
      evidence: top.evidence.map((e) => e.id),
    },
    shadow: shadow ? { id: shadow.id, planHash: shadow.planHash } : null,
    earnedBy: earnedBy
      ? {
          id: earnedBy.id,
          incidentId: earnedBy.incidentId,
          planHash: earnedBy.planHash,
          reason: earnedBy.reason ?? null,
        }
      : null,
    scoredIncidents: scored,
  };
}
