import type { Rng } from '../core/rng.ts';
import type { MetricStore } from '../engine/metric-store.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import type { Topology } from '../model/topology-model.ts';
import type { AlertChoice } from './alert-choice.ts';
import { createSignal, type Signal } from './create-signal.ts';
import { findFiring } from './find-firing.ts';

const ERR_THRESHOLDS = [0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.25];
const LAT_THRESHOLDS = [0.1, 0.2, 0.25, 0.3, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 5];

export type AlertSearch = {
  readonly rng: Rng;
  readonly topology: Topology;
  readonly metrics: MetricStore;
  readonly fault: FaultPlan;
  readonly start: number;
  readonly onset: number;
  readonly evalMs: number;
  /** Services not to alert on (a companion alert looks elsewhere). */
  readonly exclude?: ReadonlySet<string>;
  /** Only this signal. */
  readonly signal?: Signal;
};

function ancestors(topology: Topology, target: string): Set<string> {
  const callers = new Map<string, Set<string>>();
  const consumersOf = new Map<string, string[]>();
  for (const s of topology.services)
    for (const t of s.consumes) consumersOf.set(t, [...(consumersOf.get(t) ?? []), s.name]);
  for (const s of topology.services)
    for (const o of s.ops)
      for (const c of o.calls) {
        const to = c.target.type === 'service' ? [c.target.service] : c.target.type === 'dep' ? [c.target.dep] : [];
        for (const x of to) callers.set(x, new Set([...(callers.get(x) ?? []), s.name]));
      }
  const dep = topology.deps.find((d) => d.name === target);
  const out = new Set<string>();
  const stack = [dep ? dep.key : target];
  while (stack.length > 0) {
    const x = stack.pop() as string;
    for (const c of callers.get(x) ?? [])
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
  }
  return out;
}

/**
 * Finds the alert a sensible rule set would have fired 1–5 minutes after the onset: on the
 * entry service usually, sometimes a mid-tier caller or the root itself, on the error ratio
 * or a latency quantile, with a threshold the baseline never crossed.
 */
export function chooseAlert(s: AlertSearch): AlertChoice {
  const { rng, topology, metrics, fault, onset } = s;
  const lo = onset + 60_000;
  const hi = onset + 300_000;
  const up = ancestors(topology, fault.root);
  const entries = topology.entries.map((e) => e.service).filter((e) => up.has(e) || e === fault.root);
  const mids = [...up].filter(
    (x) => !entries.includes(x) && topology.services.some((t) => t.name === x && t.role !== 'batch'),
  );
  const rootSvc = fault.rootIsDependency ? [] : [fault.root];
  const pref = rng.weighted([
    ['entry', 60],
    ['mid', 25],
    ['root', 15],
  ] as const);
  const order =
    pref === 'entry'
      ? [...rng.shuffle(entries), ...rng.shuffle(mids), ...rootSvc]
      : pref === 'mid'
        ? [...rng.shuffle(mids), ...rng.shuffle(entries), ...rootSvc]
        : [...rootSvc, ...rng.shuffle(entries), ...rng.shuffle(mids)];
  const candidates = [...new Set([...order, ...topology.entries.map((e) => e.service)])].filter(
    (c) => !s.exclude?.has(c),
  );
  const signals: Signal[] = s.signal
    ? [s.signal]
    : fault.symptom === 'latency'
      ? ['latency', 'errors']
      : fault.symptom === 'errors'
        ? ['errors', 'latency']
        : rng.shuffle(['errors', 'latency'] as Signal[]);
  for (const service of candidates) {
    for (const signal of signals) {
      for (let attempt = 0; attempt < 4; attempt++) {
        const windowMs = rng.pick([60_000, 120_000, 300_000]);
        const forMs = rng.pick([60_000, 60_000, 120_000, 180_000, 300_000]);
        const quantile = rng.pick([0.99, 0.99, 0.95, 0.9]);
        const sig = createSignal(metrics, service, signal, windowMs, quantile);
        let peak = 0;
        for (let t = onset; t <= hi; t += s.evalMs) peak = Math.max(peak, sig(t) ?? 0);
        const floor = signal === 'errors' ? 0.004 : 0.05;
        // thresholds a team would have set: the rule must not have fired during the baseline
        const nice = (signal === 'errors' ? ERR_THRESHOLDS : LAT_THRESHOLDS).filter(
          (x) =>
            x >= floor &&
            x <= peak * 0.85 &&
            findFiring(sig, x, forMs, s.evalMs, s.start + windowMs, onset - 1) === undefined,
        );
        if (nice.length === 0) continue;
        const threshold = rng.chance(0.5) ? (nice[0] as number) : rng.pick(nice);
        const firedAt = findFiring(sig, threshold, forMs, s.evalMs, onset - forMs, hi);
        if (firedAt !== undefined && firedAt >= lo)
          return {
            service,
            signal,
            threshold,
            windowMs,
            forMs,
            quantile,
            firedAt,
            value: sig(firedAt) ?? threshold,
            forced: false,
          };
      }
    }
  }
  // nothing fired cleanly: take the strongest deviation and place the alert where it crosses a threshold
  let best = {
    service: candidates[0] ?? fault.root,
    signal: signals[0] ?? ('errors' as Signal),
    ratio: 0,
    base: 0,
    peak: 0,
  };
  for (const service of candidates)
    for (const signal of signals) {
      const sig = createSignal(metrics, service, signal, 300_000, 0.99);
      let base = 0;
      for (let t = s.start + 300_000; t < onset; t += s.evalMs) base = Math.max(base, sig(t) ?? 0);
      let peak = 0;
      for (let t = onset; t <= hi; t += s.evalMs) peak = Math.max(peak, sig(t) ?? 0);
      const ratio = (peak + 1e-3) / (base + (signal === 'errors' ? 0.002 : 0.02));
      if (ratio > best.ratio) best = { service, signal, ratio, base, peak };
    }
  const sig = createSignal(metrics, best.service, best.signal, 300_000, 0.99);
  const threshold = Math.round(((best.base + best.peak) / 2) * 1000) / 1000 || (best.signal === 'errors' ? 0.01 : 0.5);
  const crossed = findFiring(sig, threshold, 0, s.evalMs, onset, hi);
  const firedAt = Math.min(hi - 5_000, Math.max(lo + 5_000, (crossed ?? onset + rng.float(90_000, 200_000)) + 60_000));
  return {
    service: best.service,
    signal: best.signal,
    threshold,
    windowMs: 300_000,
    forMs: 60_000,
    quantile: 0.99,
    firedAt,
    value: Math.max(sig(firedAt) ?? best.peak, threshold * 1.05),
    forced: true,
  };
}
