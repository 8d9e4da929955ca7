import type { Rng } from '../core/rng.ts';
import type { LogEvent } from '../model/records.ts';
import type { Topology } from '../model/topology-model.ts';
import type { AlertChoice } from './alert-choice.ts';

/**
 * A log-based alert (a Loki or Elasticsearch rule on the rate of error lines): fires on
 * the service whose error/warning lines grew the most after the onset, when its 5-minute
 * count first exceeds a threshold the baseline never reached.
 */
export function chooseLogAlert(
  rng: Rng,
  topology: Topology,
  logs: readonly LogEvent[],
  start: number,
  onset: number,
): AlertChoice | undefined {
  const windowMs = 300_000;
  const bad = logs.filter(
    (l) => l.level === 'error' || l.level === 'fatal' || (l.level === 'warn' && l.failure !== undefined),
  );
  const byService = new Map<string, number[]>();
  for (const l of bad) byService.set(l.service, [...(byService.get(l.service) ?? []), l.t]);
  let best: { service: string; times: number[]; ratio: number; base: number } | undefined;
  for (const [service, times] of byService) {
    if (!topology.services.some((s) => s.name === service && s.logged)) continue;
    const before = times.filter((t) => t < onset).length / Math.max(1, (onset - start) / windowMs);
    const after = times.filter((t) => t >= onset && t < onset + windowMs).length;
    const ratio = after / (before + 1);
    if (after >= 5 && (!best || ratio > best.ratio))
      best = { service, times: times.sort((a, b) => a - b), ratio, base: before };
  }
  if (!best) return undefined;
  const times = best.times;
  const count = (t: number) => times.filter((x) => x > t - windowMs && x <= t).length;
  let baseMax = 0;
  for (let t = start + windowMs; t < onset; t += 30_000) baseMax = Math.max(baseMax, count(t));
  const threshold = [5, 10, 20, 25, 50, 100, 200, 500].find((x) => x > Math.max(baseMax * 1.3, 4)) ?? 1000;
  const forMs = rng.pick([0, 60_000, 120_000]);
  for (let t = onset; t < onset + 300_000; t += 15_000) {
    const n = count(t);
    if (n > threshold) {
      const firedAt = Math.min(onset + 295_000, Math.max(onset + 60_000, t + forMs));
      return {
        service: best.service,
        signal: 'logs',
        threshold: threshold / 300,
        windowMs,
        forMs,
        quantile: 0,
        firedAt,
        value: n / 300,
        forced: false,
      };
    }
  }
  return undefined;
}
