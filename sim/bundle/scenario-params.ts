import type { Rng } from '../core/rng.ts';
import type { Topology } from '../model/topology-model.ts';

/** Time line and traffic parameters of one scenario. */
export type ScenarioParams = {
  readonly start: number;
  readonly baselineMs: number;
  readonly onset: number;
  /** How far the simulation runs (the bundle is cut at alert + post-alert minutes). */
  readonly horizon: number;
  readonly totalRps: number;
  readonly entryRps: ReadonlyMap<string, number>;
  readonly drift: { readonly amp: number; readonly periodMs: number; readonly phase: number; readonly trend: number };
  readonly keepRatio: number;
  readonly slowMs: number;
  readonly maxSpansPerSec: number;
  readonly evalMs: number;
  readonly postAlertMs: number;
  readonly logBudget: number;
  /** Per service and message kind, at most this many lines per second (burst of 60 s). */
  readonly logRatePerSec: number;
};

/** Draws the scenario's date, baseline length (15–60 min), traffic level, drift and sampling. */
export function drawScenarioParams(rng: Rng, topology: Topology): ScenarioParams {
  const day = rng.int(0, 330);
  const start = Date.UTC(2026, 0, 5) + day * 86_400_000 + rng.int(0, 86_399) * 1000 + rng.int(0, 999);
  const baselineMs = rng.int(15, 60) * 60_000 + rng.int(0, 59) * 1000;
  const onset = start + baselineMs;
  const proxied = topology.services.some((s) => s.framework === 'nginx' || s.framework === 'envoy');
  const totalRps = proxied ? rng.float(0.6, 2) : rng.float(0.8, 3);
  const entryRps = new Map(topology.entries.map((e) => [e.service, totalRps * e.share]));
  const requests = (totalRps * (baselineMs + 14 * 60_000)) / 1000;
  const targetKept = rng.float(80, 350);
  return {
    start,
    baselineMs,
    onset,
    horizon: onset + 14 * 60_000,
    totalRps,
    entryRps,
    drift: {
      amp: rng.float(0.03, 0.2),
      periodMs: rng.float(20, 90) * 60_000,
      phase: rng.float(0, 2 * Math.PI),
      trend: rng.float(-0.1, 0.15),
    },
    keepRatio: Math.min(0.25, Math.max(0.005, targetKept / requests)),
    slowMs: rng.pick([1000, 1500, 2000, 3000, 5000]),
    maxSpansPerSec: rng.float(2500, 7000) / ((baselineMs + 14 * 60_000) / 1000),
    evalMs: rng.pick([15_000, 15_000, 30_000, 60_000]),
    postAlertMs: rng.float(3, 8) * 60_000,
    logBudget: rng.float(1200, 5000),
    logRatePerSec: rng.float(0.15, 0.6),
  };
}
