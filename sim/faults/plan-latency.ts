import type { Effect, LogSchedule, Strain } from '../model/world-model.ts';
import { chooseRootDependency, chooseRootService } from './choose-root.ts';
import type { FaultContext, FaultPlan } from './fault-plan.ts';
import { planBase } from './plan-base.ts';
import { shape } from './shape.ts';

type Manifestation = 'cpu-throttle' | 'gc-pauses' | 'lock-contention' | 'slow-pod' | 'slow-database' | 'slow-external';

/** The root became slow: CPU throttling, GC pauses, lock contention, a bad node, or a slow database / third-party API. */
export function planLatency(ctx: FaultContext): FaultPlan {
  const rng = ctx.rng;
  let m = rng.weighted<Manifestation>([
    ['cpu-throttle', 22],
    ['gc-pauses', 16],
    ['lock-contention', 14],
    ['slow-pod', 12],
    ['slow-database', 24],
    ['slow-external', 12],
  ]);
  const from = ctx.onset;
  if (m === 'slow-database' || m === 'slow-external') {
    const dep = chooseRootDependency(
      rng,
      ctx.topology,
      ctx.load,
      m === 'slow-database' ? ['sql', 'nosql', 'search', 'cache'] : ['external', 'storage'],
    );
    if (dep) {
      const mul = rng.float(8, 40);
      const cause =
        m === 'slow-database'
          ? rng.pick([
              'an autovacuum / IO saturation',
              'a missing index after a data migration',
              'replication lag on the primary',
              'a long-running analytical query',
            ])
          : 'degraded performance at the provider';
      return {
        ...planBase(ctx, 'latency', `latency-${m}`, dep.name, true),
        title: `${dep.name} is slow`,
        note: `${dep.name} (${dep.system}) answers ~${Math.round(mul)}× slower because of ${cause}`,
        effects: [
          {
            type: 'dep',
            dep: dep.key,
            mode: 'slow',
            mul,
            failMs: 0,
            fraction: rng.float(0.6, 1),
            shape: shape(from, rng.float(10_000, 120_000)),
          },
        ],
        symptom: 'latency',
      };
    }
    m = 'cpu-throttle';
  }
  const svc = chooseRootService(rng, ctx.topology, ctx.load, { entry: 1, mid: 4, leaf: 4, worker: 1 });
  const pods = ctx.pods.get(svc.name) ?? [];
  const effects: Effect[] = [];
  const schedules: LogSchedule[] = [];
  let note = '';
  const strains: Strain[] = [];
  if (m === 'cpu-throttle') {
    const cpuShape = shape(from, rng.float(20_000, 120_000));
    effects.push({
      type: 'svc-latency',
      service: svc.name,
      mul: rng.float(3, 9),
      addMs: rng.float(120, 700),
      fraction: 1,
      shape: cpuShape,
    });
    strains.push({ type: 'cpu', service: svc.name, shape: cpuShape, saturate: 0.97 });
    note = `${svc.name} is CPU-throttled (its CPU limit is too low for a new traffic mix) and every request slows down`;
  } else if (m === 'gc-pauses') {
    effects.push({
      type: 'svc-latency',
      service: svc.name,
      mul: rng.float(8, 30),
      addMs: rng.float(400, 2500),
      fraction: rng.float(0.15, 0.35),
      shape: shape(from, rng.float(30_000, 120_000)),
    });
    effects.push({
      type: 'svc-latency',
      service: svc.name,
      mul: rng.float(1.3, 2),
      addMs: 0,
      fraction: 1,
      shape: shape(from, 60_000),
    });
    schedules.push({
      service: svc.name,
      from,
      to: Number.POSITIVE_INFINITY,
      everySec: rng.float(8, 25),
      rampMs: 60_000,
      event: 'gc-pause',
      level: 'warn',
      params: { maxMb: rng.pick([512, 1024, 2048]), pct: 92 },
    });
    note = `${svc.name} spends long stretches in garbage collection (large heap churn); a share of requests stall`;
  } else if (m === 'lock-contention') {
    const writes = svc.ops.filter((o) => o.write).map((o) => o.key);
    effects.push({
      type: 'svc-latency',
      service: svc.name,
      mul: rng.float(6, 25),
      addMs: rng.float(300, 2500),
      fraction: rng.float(0.4, 0.9),
      shape: shape(from, rng.float(10_000, 60_000)),
      ...(writes.length > 0 ? { ops: writes } : {}),
    });
    schedules.push({
      service: svc.name,
      from,
      to: Number.POSITIVE_INFINITY,
      everySec: rng.float(5, 20),
      rampMs: 30_000,
      event: 'lock-wait',
      level: 'warn',
      params: { table: rng.pick(['orders', 'accounts', 'balances', 'inventory', 'sessions']), ms: rng.int(1000, 8000) },
    });
    note = `requests in ${svc.name} queue on a hot row lock${writes.length > 0 ? ` (${writes[0]})` : ''}`;
  } else {
    const bad = rng.shuffle(pods).slice(0, Math.max(1, Math.floor(pods.length / 3)));
    effects.push({
      type: 'svc-latency',
      service: svc.name,
      mul: rng.float(8, 25),
      addMs: rng.float(200, 1200),
      fraction: 1,
      pods: bad.map((p) => p.pod),
      shape: shape(from, rng.float(5_000, 30_000)),
    });
    note = `pod(s) ${bad.map((p) => p.pod).join(', ')} of ${svc.name} on node ${bad[0]?.node} are starved (noisy neighbour)`;
  }
  return {
    ...planBase(ctx, 'latency', `latency-${m}`, svc.name, false),
    title: `${svc.name} became slow (${m})`,
    note,
    effects,
    strains,
    schedules,
    symptom: 'latency',
  };
}
