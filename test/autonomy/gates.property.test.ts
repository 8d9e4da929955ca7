import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTONOMY_SETTINGS } from '../../src/core/autonomy/autonomy-settings.ts';
import { demotionForFeedback, lastDemotion } from '../../src/core/autonomy/demotion.ts';
import { evaluateGates, type GateInput } from '../../src/core/autonomy/evaluate-gates.ts';
import { GATE_NAMES } from '../../src/core/autonomy/gate.ts';
import type { Pause } from '../../src/core/autonomy/pause.ts';
import { planHash } from '../../src/core/autonomy/plan-hash.ts';
import type { ShadowRecord } from '../../src/core/autonomy/shadow-record.ts';
import { shadowTrack } from '../../src/core/autonomy/shadow-track.ts';

/** A small seeded generator (mulberry32): the same seed replays the same sequence. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}
type Rng = ReturnType<typeof rng>;

const T0 = Date.UTC(2026, 6, 13, 18, 0, 0);
const SERVICES = ['checkout', 'payments', 'search'];
const KINDS = ['resource_exhaustion', 'latency', 'deploy'] as const;
const HASH = 'sha256:aaaa';

function record(r: Rng, i: number, hash: string, service: string): ShadowRecord {
  const outcome = r.next() < 0.93 ? 'agreed' : r.pick(['disagreed', 'pending', 'no-outcome'] as const);
  return {
    id: `s${i}`,
    incidentId: `INC-${i}`,
    runbookId: 'restart',
    hypothesisId: `h${i}`,
    service,
    kind: 'resource_exhaustion',
    probability: 0.9,
    planHash: planHash([hash]),
    steps: [{ index: 0, id: 'restart', hash }],
    recordedAt: T0 - (i + 1) * 60_000,
    outcome,
    scoredAt: outcome === 'pending' ? undefined : T0,
    reason: undefined,
  };
}

/** A random gate input, most of the time one that every gate lets through, else with a few things off. */
function input(r: Rng): GateInput {
  const service = r.pick(SERVICES);
  const now = T0 + r.int(0, 7200) * 1000;
  const records = Array.from({ length: r.int(0, 20) }, (_, i) => record(r, i, HASH, service));
  const perturb = () => r.next() < 0.15;
  const stepHash = perturb() ? 'sha256:bbbb' : HASH;
  const pauses: Pause[] = perturb()
    ? [{ scope: r.pick([...SERVICES, 'all']), by: 'slack:U0SRE1', reason: 'test', at: now - 1000 }]
    : [];
  const k = r.int(1, 3);
  return {
    runbook: {
      id: 'restart',
      autonomy: perturb() ? 'supervised' : 'autonomous',
      match: { alerts: [], labels: {}, services: [], kinds: perturb() ? ['deploy'] : [...KINDS], top: 1 },
    },
    step: {
      id: 'restart',
      autonomy: perturb() ? 'supervised' : 'autonomous',
      risk: perturb() ? r.pick(['read', 'high'] as const) : 'low',
      hash: stepHash,
    },
    hypothesis: {
      id: 'h',
      service,
      kind: r.pick(KINDS),
      probability: perturb() ? r.next() * 0.8 : 0.8 + r.next() * 0.2,
    },
    plan: {
      params: { service: perturb() ? r.pick(SERVICES) : service },
      paramSources: { service: perturb() ? 'given' : 'hypothesis.service' },
    },
    shadow: perturb() ? undefined : record(r, 99, HASH, service),
    track: shadowTrack('restart', records),
    settings: {
      ...DEFAULT_AUTONOMY_SETTINGS,
      enabled: !perturb(),
      minIncidents: r.int(1, 12),
      maxRunsPerServicePerHour: k,
      freezes: perturb()
        ? [{ from: now - 60_000, to: now + 60_000, services: r.next() < 0.5 ? [] : [service], reason: 'release' }]
        : [],
    },
    pauses,
    recentRuns: Array.from({ length: r.int(0, 4) }, () => ({
      service: r.pick(SERVICES),
      at: now - r.int(0, 7200) * 1000,
    })),
    now,
  };
}

const RUNS = 3000;

describe('autonomy gates (seeded properties)', () => {
  it('evaluates every gate, with its value and threshold, and allows only when all hold (and sometimes does)', () => {
    const r = rng(1);
    let allowed = 0;
    for (let i = 0; i < RUNS; i++) {
      const d = evaluateGates(input(r));
      expect(d.gates.map((g) => g.name)).toEqual([...GATE_NAMES]);
      for (const g of d.gates) expect(g.value !== undefined && g.threshold !== undefined).toBe(true);
      expect(d.allowed).toBe(d.gates.every((g) => g.passed));
      if (d.allowed) allowed++;
    }
    expect(allowed).toBeGreaterThan(RUNS / 100);
  });

  it('the probability threshold is the runbook’s match.minProbability when it sets one', () => {
    const r = rng(6);
    for (let i = 0; i < 200; i++) {
      const x = input(r);
      const m = x.runbook.match;
      if (!m || !x.hypothesis) continue;
      const strict = { ...x, runbook: { ...x.runbook, match: { ...m, minProbability: 0.95 } } };
      const h = { ...x.hypothesis, probability: 0.9 };
      const gate = evaluateGates({ ...strict, hypothesis: h }).gates.find((g) => g.name === 'probability');
      expect(gate).toEqual({ name: 'probability', passed: false, value: 0.9, threshold: 0.95 });
      expect(evaluateGates({ ...strict, hypothesis: h }).allowed).toBe(false);
    }
  });

  it('never lets through a step that is not low-risk, or whose hash is not the shadow record’s', () => {
    const r = rng(2);
    for (let i = 0; i < RUNS; i++) {
      const x = input(r);
      expect(evaluateGates({ ...x, step: { ...x.step, risk: r.pick(['read', 'high'] as const) } }).allowed).toBe(false);
      expect(evaluateGates({ ...x, step: { ...x.step, hash: `${x.step.hash}x` } }).allowed).toBe(false);
      const d = evaluateGates(x);
      if (d.allowed) {
        expect(x.step.risk).toBe('low');
        expect(x.shadow?.steps.find((s) => s.id === x.step.id)?.hash).toBe(x.step.hash);
      }
    }
  });

  it('never runs during a pause (of the service or all), with autonomy disabled, or in a change freeze', () => {
    const r = rng(3);
    for (let i = 0; i < RUNS; i++) {
      const x = input(r);
      const service = x.hypothesis?.service as string;
      const pause: Pause = { scope: r.pick([service, 'all']), by: 'slack:U0SRE2', reason: 'r', at: x.now };
      expect(evaluateGates({ ...x, pauses: [...x.pauses, pause] }).allowed).toBe(false);
      expect(evaluateGates({ ...x, settings: { ...x.settings, enabled: false } }).allowed).toBe(false);
      const from = x.now - r.int(0, 3_600_000);
      const freeze = { from, to: x.now + r.int(1, 3_600_000), services: r.next() < 0.5 ? [] : [service], reason: 'f' };
      expect(evaluateGates({ ...x, settings: { ...x.settings, freezes: [freeze] } }).allowed).toBe(false);
    }
  });

  it('never allows more than k autonomous runs on a service in any hour', () => {
    const r = rng(4);
    for (let trial = 0; trial < 200; trial++) {
      const x = input(r);
      const ran: { service: string; at: number }[] = [];
      let now = x.now;
      for (let attempt = 0; attempt < 40; attempt++) {
        now += r.int(0, 900) * 1000;
        const d = evaluateGates({ ...x, recentRuns: ran, now });
        if (d.allowed) ran.push({ service: x.hypothesis?.service as string, at: now });
      }
      for (const a of ran) {
        const inHour = ran.filter((b) => b.at >= a.at && b.at < a.at + 3_600_000).length;
        expect(inHour).toBeLessThanOrEqual(x.settings.maxRunsPerServicePerHour);
      }
    }
  });

  it('a 👎 where a step ran autonomously always demotes: not allowed again until fresh shadow records earn it', () => {
    const r = rng(5);
    let demoted = 0;
    for (let i = 0; i < RUNS; i++) {
      const x = input(r);
      if (!evaluateGates(x).allowed) continue;
      const records = Array.from({ length: 20 }, (_, j) => record(r, j, HASH, x.hypothesis?.service as string));
      const demotions = demotionForFeedback({
        verdict: 'rejected',
        incidentId: 'INC-x',
        by: 'slack:U0OPS1',
        at: x.now,
        autonomousRunbooks: ['restart'],
      });
      expect(demotions.map((d) => d.runbookId)).toEqual(['restart']);
      const track = shadowTrack('restart', records, lastDemotion(demotions, 'restart'));
      expect(track.scored).toBe(0);
      expect(evaluateGates({ ...x, track }).allowed).toBe(false);
      demoted++;
    }
    expect(demoted).toBeGreaterThan(0);
    expect(
      demotionForFeedback({
        verdict: 'confirmed',
        incidentId: 'INC-x',
        by: 'slack:U0OPS1',
        at: T0,
        autonomousRunbooks: ['restart'],
      }),
    ).toEqual([]);
  });
});
