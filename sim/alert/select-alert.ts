import type { Rng } from '../core/rng.ts';
import type { MetricStore } from '../engine/metric-store.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import type { LogEvent } from '../model/records.ts';
import type { Topology } from '../model/topology-model.ts';
import type { AlertChoice } from './alert-choice.ts';
import { chooseAlert } from './choose-alert.ts';
import { chooseLogAlert } from './choose-log-alert.ts';

export type AlertInput = {
  readonly rng: Rng;
  readonly fault: FaultPlan;
  readonly topology: Topology;
  readonly metrics: MetricStore;
  readonly logs: readonly LogEvent[];
  readonly start: number;
  readonly onset: number;
  readonly evalMs: number;
};

/**
 * Which alert starts the triage: an infrastructure alert on the root (crash loops, full
 * volumes, consumer lag) when the fault has one; otherwise a metric rule (error ratio or
 * latency) on the first service where one fires; a log-based rule sometimes, and when no
 * metric rule would have fired.
 */
export function selectAlert(a: AlertInput): { choice: AlertChoice; companion?: AlertChoice } {
  const choice = selectMain(a);
  if (choice.forced || (choice.signal !== 'errors' && choice.signal !== 'latency') || !a.rng.chance(0.25))
    return { choice };
  const companion = chooseAlert({
    rng: a.rng,
    topology: a.topology,
    metrics: a.metrics,
    fault: a.fault,
    start: a.start,
    onset: a.onset,
    evalMs: a.evalMs,
    exclude: new Set([choice.service]),
    signal: choice.signal,
  });
  // grouped in the same notification only if it was already firing when the group was sent
  if (companion.forced || companion.firedAt > choice.firedAt + 30_000) return { choice };
  return { choice, companion };
}

function infraAlert(a: AlertInput): AlertChoice {
  const { rng, fault, onset } = a;
  const firstCrash = Math.min(...fault.crashes.map((c) => c.at), Number.POSITIVE_INFINITY);
  const at = Number.isFinite(firstCrash) ? firstCrash + rng.float(60_000, 150_000) : onset + rng.float(90_000, 240_000);
  return {
    service: fault.root,
    signal: 'infra',
    threshold: 0,
    windowMs: 300_000,
    forMs: 60_000,
    quantile: 0.99,
    firedAt: Math.min(onset + 295_000, Math.max(onset + 65_000, at)),
    value: 1,
    forced: false,
  };
}

function selectMain(a: AlertInput): AlertChoice {
  const { rng, fault, onset } = a;
  if (fault.rootAlert && rng.chance(0.4)) return infraAlert(a);
  if (rng.chance(0.08)) {
    const byLogs = chooseLogAlert(rng, a.topology, a.logs, a.start, onset);
    if (byLogs) return byLogs;
  }
  const metric = chooseAlert({
    rng,
    topology: a.topology,
    metrics: a.metrics,
    fault,
    start: a.start,
    onset,
    evalMs: a.evalMs,
  });
  if (!metric.forced) return metric;
  const byLogs = chooseLogAlert(rng, a.topology, a.logs, a.start, onset);
  if (byLogs) return byLogs;
  return fault.rootAlert ? infraAlert(a) : metric;
}
