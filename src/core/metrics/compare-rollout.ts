import type { ChangeEvent } from '../model/change-event.ts';
import type { TimeWindow } from '../model/time-window.ts';
import type { MetricClass, MetricSignal } from './classify-metric.ts';
import { classifySeries } from './classify-series.ts';
import { counterRate } from './counter-rate.ts';
import type { MetricSeries } from './metric-series.ts';
import { podOf, type RolloutCohorts, rolloutCohorts } from './rollout-cohorts.ts';

/** How a rollout's new pods compare with its old ones on one signal. */
export type RolloutComparison = {
  readonly change: ChangeEvent;
  readonly cohorts: RolloutCohorts;
  readonly metric: string;
  readonly signal: MetricSignal;
  /** Mean level of the new pods and of the old ones, in the series' units (a counter per second). */
  readonly newLevel: number;
  readonly oldLevel: number;
  /** log2 of how much worse the new pods are (0 when not worse), capped at 6. */
  readonly effect: number;
  /** How many minutes both cohorts ran (the comparison's span). */
  readonly minutes: number;
};

/** Signals that say something is wrong with a pod, and which way is worse. */
const TELLING: ReadonlySet<MetricSignal> = new Set([
  'errors',
  'availability',
  'latency',
  'cpu',
  'memory',
  'restarts',
  'saturation',
]);
const EFFECT_CAP = 6;

/**
 * Canary analysis of one rollout: the new pods against the old pods, over the same minutes when
 * both ran (none when they never ran together), signal by signal. Each
 * comparison says how much worse the new pods are; it counts as worse only when every new pod is
 * worse than every old one. Empty when the pods cannot be told apart.
 */
export function compareRollout(
  change: ChangeEvent,
  series: readonly MetricSeries[],
  window: TimeWindow,
): RolloutComparison[] {
  const own = series.filter((s) => s.service === change.service && podOf(s) !== undefined);
  const cohorts = rolloutCohorts(change, own);
  if (!cohorts) return [];
  // Only the minutes both cohorts ran are compared: new pods that alone lived through the incident
  // (the old ones gone before it) would look worse for the incident's sake, not the release's.
  const span = (pods: ReadonlySet<string>) => {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const s of own) {
      if (!pods.has(podOf(s) as string) || s.times.length === 0) continue;
      first = Math.min(first, s.times[0] as number);
      last = Math.max(last, s.times[s.times.length - 1] as number);
    }
    return { first, last };
  };
  const from = Math.max(change.startedAt, window.from, span(cohorts.newPods).first);
  const to = Math.min(window.to, span(cohorts.oldPods).last);
  if (!(to > from)) return [];
  const groups = new Map<string, { cls: MetricClass; list: MetricSeries[] }>();
  for (const s of own) {
    const cls = classifySeries(s);
    if (!TELLING.has(cls.signal)) continue;
    const key = `${s.name}\u0000${cls.signal}`;
    const g = groups.get(key) ?? { cls, list: [] };
    g.list.push(s);
    groups.set(key, g);
  }
  // Pods that sent anything over a span: a pod with no error series there had no errors.
  const alive = (a: number, b: number) =>
    new Set(own.filter((s) => s.times.some((t) => t >= a && t <= b)).map((s) => podOf(s) as string));
  const aliveDuring = alive(from, to);
  const out: RolloutComparison[] = [];
  for (const [key, { cls, list }] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = key.split('\u0000')[0] as string;
    // A pod's containers add up for resources and counts; latency and availability are averaged.
    const additive = cls.signal !== 'latency' && cls.signal !== 'availability';
    const during = levels(list, from, to, cls.counter, additive);
    if (cls.signal === 'errors') {
      for (const p of aliveDuring) if (!during.has(p)) during.set(p, [0]);
    }
    const newLevels = [...cohorts.newPods].flatMap((p) => during.get(p) ?? []);
    const oldLevels = [...cohorts.oldPods].flatMap((p) => during.get(p) ?? []);
    if (newLevels.length === 0 || oldLevels.length === 0) continue;
    // Availability is compared as its unavailable share (a percentage when it goes above 1).
    const top = Math.max(...newLevels, ...oldLevels) > 1 ? 100 : 1;
    const bad = (v: number) => (cls.signal === 'availability' ? top - v : v);
    const n = newLevels.map(bad);
    const o = oldLevels.map(bad);
    const floor = cls.signal === 'availability' ? 0.005 * top : Math.max(0.01 * Math.max(...n, ...o), 1e-12);
    const meanN = mean(n);
    const meanO = mean(o);
    const separated = Math.min(...n) > Math.max(...o);
    const effect = separated ? Math.min(EFFECT_CAP, Math.max(0, Math.log2((meanN + floor) / (meanO + floor)))) : 0;
    out.push({
      change,
      cohorts,
      metric: name,
      signal: cls.signal,
      newLevel: cls.signal === 'availability' ? top - meanN : meanN,
      oldLevel: cls.signal === 'availability' ? top - meanO : meanO,
      effect,
      minutes: Math.max(1, Math.round((to - from) / 60_000)),
    });
  }
  return out;
}

/**
 * Each pod's mean level of the series over [from, to] (a counter as its per-second rate); several
 * series of one pod are summed when `additive`, else averaged.
 */
function levels(
  list: readonly MetricSeries[],
  from: number,
  to: number,
  counter: boolean,
  additive: boolean,
): Map<string, number[]> {
  const parts = new Map<string, number[]>();
  for (const s of list) {
    const pod = podOf(s) as string;
    const { times, values } = counter ? counterRate(s.times, s.values) : s;
    const xs: number[] = [];
    for (let k = 0; k < times.length; k++) {
      const t = times[k] as number;
      const v = values[k] as number;
      if (t >= from && t <= to && Number.isFinite(v)) xs.push(v);
    }
    if (xs.length === 0) continue;
    const cur = parts.get(pod) ?? [];
    cur.push(mean(xs));
    parts.set(pod, cur);
  }
  const out = new Map<string, number[]>();
  for (const [pod, xs] of parts) out.set(pod, [additive ? xs.reduce((a, b) => a + b, 0) : mean(xs)]);
  return out;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
