import type { ChangeFactory } from '../changes/change-factory.ts';
import type { ChangeRecord } from '../changes/change-record.ts';
import { COMMIT_MESSAGES } from '../changes/commit-messages.ts';
import type { Rng } from '../core/rng.ts';
import { bugFor } from '../faults/bug-for.ts';
import { bumpVersion } from '../faults/bump-version.ts';
import type { FaultPlan, OneShotLog } from '../faults/fault-plan.ts';
import type { Topology } from '../model/topology-model.ts';
import type { Effect, Instance, LogSchedule } from '../model/world-model.ts';
import type { Crash, Rollout } from '../world/rollout.ts';
import { CHRONIC_MESSAGES } from './chronic-messages.ts';
import type { NoisePlan } from './noise-plan.ts';

export type NoiseInput = {
  readonly rng: Rng;
  readonly topology: Topology;
  readonly pods: ReadonlyMap<string, readonly Instance[]>;
  readonly fault: FaultPlan;
  readonly start: number;
  readonly onset: number;
  readonly horizon: number;
  readonly changes: ChangeFactory;
};

const FLAGS = [
  'dark-mode',
  'new-onboarding',
  'promo-banner-q4',
  'search-v2-ranking',
  'beta-export',
  'async-emails',
  'gift-wrap',
];
const CONFIG_KEYS = [
  'log.level',
  'feature.cache.ttl',
  'http.client.max-connections',
  'JAVA_TOOL_OPTIONS',
  'GOMAXPROCS',
  'worker.concurrency',
  'retry.max-attempts',
];
const INFRA = [
  'Upgrade node pool to Kubernetes 1.31.4',
  'Rotate ingress TLS certificates',
  'Resize {dep} instance class (maintenance window)',
  'Apply security patches to worker nodes',
  'Enable VPC flow logs',
  'Update CoreDNS to 1.11.3',
];

/**
 * Draws the scenario's noise: chronic errors in unrelated services, unrelated deploys,
 * config and flag changes (some close to the onset), infra changes, short blips and
 * restarts during the baseline, and rare slow or failed calls everywhere.
 */
export function planNoise(input: NoiseInput): NoisePlan {
  const { rng, topology, fault, start, onset, horizon } = input;
  const root = fault.root;
  const services = topology.services.filter((s) => s.name !== root && s.role !== 'batch');
  const effects: Effect[] = [];
  const rollouts: Rollout[] = [];
  const crashes: Crash[] = [];
  const changes: ChangeRecord[] = [];
  const schedules: LogSchedule[] = [];
  const oneShots: OneShotLog[] = [];
  const summary: string[] = [];
  const always = { from: start, to: Number.POSITIVE_INFINITY, rampMs: 0 };
  // chronic errors: a real (small) error rate on one op of unrelated services
  for (const s of rng.shuffle(services).slice(0, rng.int(1, 3))) {
    const op = rng.pick(
      s.ops.filter((o) => o.protocol !== 'job').length > 0 ? s.ops.filter((o) => o.protocol !== 'job') : s.ops,
    );
    if (rng.chance(0.35) && s.role === 'edge') {
      effects.push({
        type: 'contract',
        service: s.name,
        ops: [op.key],
        status: 404,
        detail: 'not found',
        fraction: rng.float(0.02, 0.1),
        shape: always,
      });
      summary.push(`chronic 404s on ${s.name} ${op.key}`);
    } else {
      const fraction = rng.float(0.005, 0.04);
      effects.push({
        type: 'svc-error',
        service: s.name,
        ops: [op.key],
        failure: bugFor(rng, s, op.key),
        status: 500,
        fraction,
        shape: always,
      });
      summary.push(`chronic 5xx (${(100 * fraction).toFixed(1)}%) on ${s.name} ${op.key}`);
    }
  }
  // chronic log complaints
  for (const s of rng.shuffle(topology.services.filter((x) => x.logged)).slice(0, rng.int(2, 5))) {
    for (const msg of rng.shuffle(CHRONIC_MESSAGES).slice(0, rng.int(1, 2))) {
      schedules.push({
        service: s.name,
        from: start,
        to: Number.POSITIVE_INFINITY,
        everySec: rng.float(20, 400),
        rampMs: 0,
        event: 'custom',
        level: msg.level,
        params: { msg: msg.text(s.lang, rng.int(0, 1_000_000)) },
      });
      summary.push(`chronic ${msg.level} logs in ${s.name}`);
    }
  }
  // rare slow / failed calls everywhere
  for (const d of topology.deps)
    if (rng.chance(0.6))
      effects.push({
        type: 'dep',
        dep: d.key,
        mode: 'slow',
        mul: rng.float(5, 25),
        failMs: 0,
        fraction: rng.float(0.0005, 0.004),
        shape: always,
      });
  // unrelated deploys, some close to the onset
  const deployable = services.filter((s) => s.role !== 'batch');
  const nDeploys = rng.int(1, 5);
  for (let i = 0; i < nDeploys && deployable.length > 0; i++) {
    const s = rng.pick(deployable);
    const near = i === 0 || rng.chance(0.4);
    const at = near ? onset + rng.float(-10 * 60_000, 4 * 60_000) : rng.float(start + 60_000, onset - 60_000);
    const clamped = Math.max(start + 30_000, Math.min(horizon - 60_000, at));
    const version = bumpVersion(s.version, rng);
    const dur = rng.int(40_000, 240_000);
    if (!rollouts.some((r) => r.service === s.name))
      rollouts.push({ service: s.name, at: clamped, durationMs: dur, version });
    const prevVersion = rollouts.filter((r) => r.service === s.name).length > 1 ? version : s.version;
    changes.push(
      input.changes.deploy({
        service: s.name,
        at: clamped - rng.float(3_000, 30_000),
        durationMs: dur + 10_000,
        version,
        previous: prevVersion,
        description: rng
          .pick(COMMIT_MESSAGES)
          .replace('{v}', version)
          .replace('{n}', String(rng.int(1000, 9999)))
          .replace('{org}', topology.org),
        bot: rng.chance(0.2),
      }),
    );
    summary.push(`unrelated deploy of ${s.name} at ${Math.round((clamped - onset) / 1000)}s from onset`);
  }
  // unrelated config and flag changes
  for (let i = rng.int(0, 3); i > 0; i--) {
    const s = rng.pick(services);
    const at = Math.max(start + 30_000, onset + rng.float(-15 * 60_000, 3 * 60_000));
    const flag = rng.chance(0.5) ? rng.pick(FLAGS) : undefined;
    const key = rng.pick(CONFIG_KEYS);
    changes.push(
      input.changes.config({
        service: s.name,
        at,
        description: flag ? `Enable ${flag} for ${rng.pick([5, 10, 50, 100])}% of users` : `Set ${key} on ${s.name}`,
        ...(flag ? { flag } : {}),
      }),
    );
    for (const p of input.pods.get(s.name) ?? [])
      oneShots.push({
        service: s.name,
        pod: p.pod,
        t: at + rng.float(500, 20_000),
        level: 'info',
        event: flag ? 'flag-update' : 'config-reload',
        params: flag ? { flag, value: 'on' } : { key },
      });
    summary.push(`unrelated ${flag ? 'flag' : 'config'} change on ${s.name}`);
  }
  // infra changes on something that is not the root
  if (rng.chance(0.5)) {
    const deps = topology.deps.filter((d) => d.name !== root);
    const d = deps.length > 0 ? rng.pick(deps) : undefined;
    const text = rng.pick(INFRA).replace('{dep}', d?.name ?? 'database');
    const target =
      text.includes('Resize') && d ? d.name : rng.pick(services.length > 0 ? services : topology.services).name;
    changes.push(
      input.changes.infra({
        service: target,
        at: Math.max(start + 60_000, onset - rng.float(2 * 60_000, 40 * 60_000)),
        durationMs: rng.int(60_000, 900_000),
        description: text,
      }),
    );
    summary.push(`infra change: ${text}`);
  }
  // a short blip and a pod restart during the baseline
  if (rng.chance(0.6) && services.length > 0 && onset - start > 8 * 60_000) {
    const s = rng.pick(services);
    const at = rng.float(start + 2 * 60_000, onset - 5 * 60_000);
    const deps = s.ops.flatMap((o) => o.calls).filter((c) => c.target.type === 'dep');
    const call = deps.length > 0 ? rng.pick(deps) : undefined;
    if (call && call.target.type === 'dep')
      effects.push({
        type: 'dep',
        dep: call.target.dep,
        mode: 'slow',
        failMs: 0,
        mul: rng.float(3, 12),
        fraction: rng.float(0.1, 0.4),
        shape: { from: at, to: at + rng.float(10_000, 45_000), rampMs: 0 },
      });
    else
      effects.push({
        type: 'svc-error',
        service: s.name,
        failure: { cls: 'overload' },
        status: 503,
        fraction: rng.float(0.05, 0.25),
        shape: { from: at, to: at + rng.float(10_000, 45_000), rampMs: 0 },
      });
    summary.push(`transient blip around ${s.name} ${Math.round((onset - at) / 60_000)} min before onset`);
  }
  if (rng.chance(0.4) && services.length > 0) {
    const s = rng.pick(services);
    const pod = rng.pick(input.pods.get(s.name) ?? []);
    if (pod) {
      const at = rng.float(start + 60_000, onset + 3 * 60_000);
      crashes.push({ service: s.name, pod: pod.pod, at, downMs: rng.float(10_000, 40_000) });
      summary.push(`unrelated restart of ${pod.pod}`);
    }
  }
  return { effects, rollouts, crashes, changes, schedules, oneShots, summary };
}
