import type { Hypothesis } from '../model/hypothesis.ts';
import type { AutonomyLevel } from '../runbooks/autonomy-level.ts';
import type { Risk } from '../runbooks/risk.ts';
import type { RunPlan } from '../runbooks/run-plan.ts';
import type { Runbook } from '../runbooks/runbook.ts';
import type { AutonomySettings } from './autonomy-settings.ts';
import type { Gate } from './gate.ts';
import { type Pause, pauseFor } from './pause.ts';
import { percent } from './percent.ts';
import { RATE_WINDOW_MS } from './rate-window-ms.ts';
import type { ShadowRecord } from './shadow-record.ts';
import type { ShadowTrack } from './shadow-track.ts';

/** An autonomous run already made (or begun), for the rate limit. */
export type AutonomousRunMark = { readonly service: string; readonly at: number };

/** Everything the gates look at, as data (the time too). */
export type GateInput = {
  readonly runbook: Pick<Runbook, 'id' | 'autonomy' | 'match'>;
  /** The step that would run by itself, as rendered for this incident. */
  readonly step: { readonly id: string; readonly autonomy: AutonomyLevel; readonly risk: Risk; readonly hash: string };
  /** The top hypothesis. */
  readonly hypothesis: Pick<Hypothesis, 'id' | 'service' | 'kind' | 'probability'> | undefined;
  /** The plan the step belongs to (which service it acts on). */
  readonly plan: Pick<RunPlan, 'params' | 'paramSources'>;
  /** What the runbook recorded in shadow for this incident. */
  readonly shadow: ShadowRecord | undefined;
  /** The runbook's shadow track record since its last demotion. */
  readonly track: ShadowTrack;
  readonly settings: AutonomySettings;
  readonly pauses: readonly Pause[];
  readonly recentRuns: readonly AutonomousRunMark[];
  readonly now: number;
};

/** Whether a step may run by itself, with every gate, its value and its threshold (all are always evaluated). */
export type GateDecision = { readonly allowed: boolean; readonly gates: readonly Gate[] };

/** The service a plan acts on: the parameter filled from the hypothesis' service (undefined when none is). */
export function targetService(plan: Pick<RunPlan, 'params' | 'paramSources'>): string | undefined {
  const name = Object.keys(plan.paramSources).find((k) => plan.paramSources[k] === 'hypothesis.service');
  const v = name === undefined ? undefined : plan.params[name];
  return v === undefined ? undefined : String(v);
}

/**
 * The gates of an autonomous step, in order: autonomy enabled; no pause for its service or all;
 * the runbook and the step autonomous; risk low; the runbook's match fits the top hypothesis'
 * service and kind; its calibrated probability ≥ the threshold (the runbook's
 * `match.minProbability`, else the setting); the runbook earned it in shadow
 * (≥ N scored incidents since its last demotion, agreement ≥ P); the step as rendered now is the
 * one its shadow record for this incident holds (same hash); it acts only on the hypothesis'
 * service; fewer than k autonomous runs on that service in the last hour; no change freeze now.
 * Allowed only when every gate holds. Pure.
 */
export function evaluateGates(input: GateInput): GateDecision {
  const { settings: s, hypothesis: h, now } = input;
  const pause = pauseFor(input.pauses, h?.service);
  const m = input.runbook.match;
  const fits =
    h !== undefined &&
    m !== undefined &&
    (m.services.length === 0 || m.services.includes(h.service)) &&
    (m.kinds.length === 0 || m.kinds.includes(h.kind));
  const shadowStep = input.shadow?.steps.find((x) => x.id === input.step.id);
  const target = targetService(input.plan);
  const service = h?.service;
  const recent = input.recentRuns.filter(
    (r) => r.service === service && r.at > now - RATE_WINDOW_MS && r.at <= now,
  ).length;
  const freeze = s.freezes.find(
    (f) =>
      f.from <= now &&
      now < f.to &&
      (f.services.length === 0 || (service !== undefined && f.services.includes(service))),
  );
  const t = input.track;
  const minProbability = m?.minProbability ?? s.minProbability;
  const gates: Gate[] = [
    { name: 'enabled', passed: s.enabled, value: s.enabled, threshold: true },
    {
      name: 'paused',
      passed: pause === undefined,
      value: pause ? `paused (${pause.scope}) by ${pause.by}: ${pause.reason}` : 'not paused',
      threshold: 'not paused',
    },
    {
      name: 'level',
      passed: input.runbook.autonomy === 'autonomous' && input.step.autonomy === 'autonomous',
      value: `runbook ${input.runbook.autonomy}, step ${input.step.autonomy}`,
      threshold: 'autonomous',
    },
    { name: 'risk', passed: input.step.risk === 'low', value: input.step.risk, threshold: 'low' },
    {
      name: 'match',
      passed: fits,
      value: h ? `${h.service} ${h.kind}` : 'no hypothesis',
      threshold: m
        ? `services ${m.services.length ? m.services.join('|') : 'any'}, kinds ${m.kinds.length ? m.kinds.join('|') : 'any'}`
        : 'a match',
    },
    {
      name: 'probability',
      passed: h?.probability !== undefined && h.probability >= minProbability,
      value: h?.probability ?? 0,
      threshold: minProbability,
    },
    { name: 'earned-incidents', passed: t.scored >= s.minIncidents, value: t.scored, threshold: s.minIncidents },
    {
      name: 'earned-agreement',
      passed: t.scored > 0 && t.agreement >= s.minAgreement,
      value: percent(t.agreement),
      threshold: percent(s.minAgreement),
    },
    {
      name: 'hash',
      passed: shadowStep !== undefined && shadowStep.hash === input.step.hash,
      value: input.step.hash,
      threshold: shadowStep?.hash ?? 'no shadow record',
    },
    {
      name: 'scope',
      passed: target !== undefined && target === service,
      value: target ?? 'no service parameter from hypothesis.service',
      threshold: service ?? 'no hypothesis',
    },
    {
      name: 'rate',
      passed: service !== undefined && recent < s.maxRunsPerServicePerHour,
      value: recent,
      threshold: s.maxRunsPerServicePerHour,
    },
    {
      name: 'freeze',
      passed: freeze === undefined,
      value: freeze ? `frozen until ${new Date(freeze.to).toISOString()}: ${freeze.reason}` : 'no freeze',
      threshold: 'no freeze',
    },
  ];
  return { allowed: gates.every((g) => g.passed), gates };
}
