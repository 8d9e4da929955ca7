import type { Failure } from '../model/failure-model.ts';
import type { Effect, LogSchedule, Strain } from '../model/world-model.ts';
import type { Crash } from '../world/rollout.ts';
import { chooseRootDependency, chooseRootService } from './choose-root.ts';
import type { FaultContext, FaultPlan, OneShotLog, RootAlert } from './fault-plan.ts';
import { planBase } from './plan-base.ts';
import { shape } from './shape.ts';

type Manifestation = 'oom-leak' | 'conn-pool' | 'thread-pool' | 'disk-full' | 'fd-leak' | 'db-max-connections';

const HORIZON_MS = 15 * 60_000;

/** The root ran out of something: memory (leak, GC, OOM kills), connections, threads, disk, file descriptors. */
export function planResourceExhaustion(ctx: FaultContext): FaultPlan {
  const rng = ctx.rng;
  let m = rng.weighted<Manifestation>([
    ['oom-leak', 30],
    ['conn-pool', 20],
    ['thread-pool', 14],
    ['disk-full', 12],
    ['fd-leak', 10],
    ['db-max-connections', 14],
  ]);
  const from = ctx.onset;
  if (m === 'db-max-connections') {
    const dep = chooseRootDependency(rng, ctx.topology, ctx.load, ['sql']);
    if (dep) {
      return {
        ...planBase(ctx, 'resource_exhaustion', 'resource-db-max-connections', dep.name, true),
        title: `${dep.name} ran out of connections`,
        note: `${dep.name} (${dep.system}) reached max_connections; new connections are rejected`,
        effects: [
          {
            type: 'dep',
            dep: dep.key,
            mode: 'fail',
            failure: { cls: 'too-many-clients' },
            failMs: rng.float(2, 15),
            mul: 1.5,
            fraction: rng.float(0.3, 0.7),
            shape: shape(from, rng.float(30_000, 120_000)),
          },
        ],
        symptom: 'errors',
      };
    }
    m = 'conn-pool';
  }
  const hasSql = (s: { ops: readonly { calls: readonly { target: { type: string } }[] }[] }) =>
    s.ops.some((o) => o.calls.some((c) => c.target.type === 'dep'));
  const svc = chooseRootService(
    rng,
    ctx.topology,
    ctx.load,
    { entry: 1, mid: 4, leaf: 4, worker: 1 },
    m === 'conn-pool' ? hasSql : undefined,
  );
  if (m === 'conn-pool' && !hasSql(svc)) m = 'thread-pool';
  const pods = ctx.pods.get(svc.name) ?? [];
  const effects: Effect[] = [];
  const schedules: LogSchedule[] = [];
  const oneShots: OneShotLog[] = [];
  const crashes: Crash[] = [];
  let note = '';
  let onset = from;
  let rootAlert: RootAlert | undefined;
  let symptom: FaultPlan['symptom'] = 'either';
  const strains: Strain[] = [];
  if (m === 'oom-leak') {
    const pre = rng.float(90_000, 180_000);
    const maxMb = rng.pick([512, 768, 1024, 2048]);
    const order = rng.shuffle(pods);
    let first = Number.POSITIVE_INFINITY;
    order.forEach((p, i) => {
      let c = from + pre + i * rng.float(15_000, 80_000);
      first = Math.min(first, c);
      let restart = 0;
      while (c < from + HORIZON_MS) {
        const down = rng.float(12_000, 30_000) * 2 ** Math.min(restart, 3);
        crashes.push({ service: svc.name, pod: p.pod, at: c, downMs: down });
        const rampFrom = c - pre;
        effects.push({
          type: 'svc-latency',
          service: svc.name,
          pods: [p.pod],
          mul: rng.float(3, 8),
          addMs: rng.float(50, 400),
          fraction: 1,
          shape: { from: rampFrom, to: c, rampMs: pre },
        });
        effects.push({
          type: 'svc-error',
          service: svc.name,
          pods: [p.pod],
          failure: { cls: 'oom' },
          status: 500,
          fraction: rng.float(0.02, 0.08),
          shape: { from: c - 30_000, to: c, rampMs: 0 },
        });
        schedules.push({
          service: svc.name,
          pods: [p.pod],
          from: rampFrom,
          to: c,
          everySec: rng.float(6, 20),
          rampMs: pre,
          event: svc.lang === 'java' || svc.lang === 'node' || svc.lang === 'dotnet' ? 'gc-pause' : 'heap-high',
          level: 'warn',
          params: { maxMb, pct: 95, usedMb: Math.round(maxMb * 0.96) },
        });
        if (rng.chance(0.8))
          oneShots.push({
            service: svc.name,
            pod: p.pod,
            t: c - rng.float(5, 500),
            level: 'fatal',
            event: 'oom-fatal',
            params: {},
          });
        c += down + rng.float(150_000, 330_000);
        restart++;
      }
    });
    onset = first - pre;
    strains.push({ type: 'memory-leak', service: svc.name, limitMb: maxMb, leakMs: pre });
    for (const p of pods)
      schedules.push({
        service: svc.name,
        pods: [p.pod],
        from: ctx.start,
        to: onset,
        everySec: rng.float(120, 400),
        rampMs: 0,
        event: 'heap-high',
        level: 'warn',
        params: { maxMb, pct: rng.int(78, 88), usedMb: Math.round(maxMb * 0.82) },
      });
    note = `${svc.name} leaks memory; pods hit their ${maxMb}Mi limit, thrash in GC and are OOMKilled and restarted`;
    rootAlert = {
      alertname: rng.pick(['KubePodCrashLooping', 'KubeContainerOOMKilled', 'PodRestartingTooOften']),
      severity: 'warning',
      summary: `Pod is crash looping.`,
      description: `Pod ${svc.namespace}/${pods[0]?.pod ?? svc.name} (${svc.name}) is in waiting state (reason: "CrashLoopBackOff").`,
      expr: `max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff",job="kube-state-metrics"}[5m]) >= 1`,
      labels: { container: svc.name, pod: pods[0]?.pod ?? svc.name, namespace: svc.namespace },
    };
  } else if (m === 'conn-pool') {
    const call = svc.ops.flatMap((o) => o.calls).find((c) => c.target.type === 'dep');
    const depKey = call?.target.type === 'dep' ? call.target.dep : '';
    const dep = ctx.topology.deps.find((d) => d.key === depKey);
    const poolTimeout = rng.pick([1000, 2000, 5000, 30000]);
    const failure: Failure = { cls: 'pool', timeoutMs: poolTimeout };
    effects.push({
      type: 'call',
      service: svc.name,
      target: depKey,
      failure,
      failMs: poolTimeout,
      waitMs: rng.float(200, 1500),
      countMul: 1,
      fraction: rng.float(0.25, 0.6),
      shape: shape(from, rng.float(60_000, 240_000)),
    });
    schedules.push({
      service: svc.name,
      from,
      to: Number.POSITIVE_INFINITY,
      everySec: rng.float(10, 30),
      rampMs: 120_000,
      event: 'pool-stats',
      level: 'warn',
      params: { total: 10, active: 10, waiting: rng.int(15, 80) },
    });
    schedules.push({
      service: svc.name,
      from: ctx.start,
      to: from,
      everySec: rng.float(30, 90),
      rampMs: 0,
      event: 'pool-stats',
      level: 'debug',
      params: { total: 10, active: rng.int(2, 6), waiting: 0 },
    });
    note = `${svc.name} leaks database connections on an error path; its pool to ${dep?.name ?? depKey} is exhausted and requests wait then fail`;
  } else if (m === 'thread-pool') {
    effects.push({
      type: 'svc-error',
      service: svc.name,
      failure: { cls: 'threadpool' },
      status: 503,
      fraction: rng.float(0.2, 0.5),
      shape: shape(from, rng.float(40_000, 150_000)),
    });
    effects.push({
      type: 'svc-latency',
      service: svc.name,
      mul: rng.float(2, 5),
      addMs: rng.float(50, 500),
      fraction: 1,
      shape: shape(from, 90_000),
    });
    schedules.push({
      service: svc.name,
      from,
      to: Number.POSITIVE_INFINITY,
      everySec: rng.float(10, 40),
      rampMs: 60_000,
      event: 'threads-busy',
      level: 'warn',
      params: { active: 200, max: 200, queue: rng.int(300, 1000) },
    });
    note = `${svc.name}'s worker threads are all blocked (a synchronous call without timeout); new requests are rejected`;
  } else if (m === 'disk-full') {
    const writes = svc.ops.filter((o) => o.write).map((o) => o.key);
    effects.push({
      type: 'svc-error',
      service: svc.name,
      failure: { cls: 'disk' },
      status: 500,
      fraction: rng.float(0.7, 1),
      shape: shape(from, rng.float(0, 30_000)),
      ...(writes.length > 0 ? { ops: writes } : {}),
    });
    const mount = rng.pick(['/data', '/var/lib/app', '/tmp', '/var/log']);
    schedules.push({
      service: svc.name,
      from: ctx.start,
      to: from,
      everySec: rng.float(60, 240),
      rampMs: from - ctx.start,
      event: 'disk-usage',
      level: 'warn',
      params: { pct: rng.int(88, 97), mount, freeMb: rng.int(50, 900) },
    });
    schedules.push({
      service: svc.name,
      from,
      to: Number.POSITIVE_INFINITY,
      everySec: rng.float(20, 60),
      rampMs: 0,
      event: 'disk-usage',
      level: 'error',
      params: { pct: 100, mount, freeMb: 0 },
    });
    note = `the ${mount} volume of ${svc.name} is full (temp files not cleaned up); writes fail with ENOSPC`;
    if (rng.chance(0.3))
      rootAlert = {
        alertname: 'KubePersistentVolumeFillingUp',
        severity: 'critical',
        summary: 'PersistentVolume is filling up.',
        description: `The PersistentVolume claimed by data-${svc.name}-0 in Namespace ${svc.namespace} is only 0.8% free.`,
        expr: `kubelet_volume_stats_available_bytes{job="kubelet"} / kubelet_volume_stats_capacity_bytes{job="kubelet"} < 0.03`,
        labels: { persistentvolumeclaim: `data-${svc.name}-0`, namespace: svc.namespace },
      };
    symptom = 'errors';
  } else {
    const targets = new Set<string>();
    for (const o of svc.ops)
      for (const c of o.calls) targets.add(c.target.type === 'service' ? c.target.service : c.target.dep);
    const fraction = rng.float(0.3, 0.7);
    const s = shape(from, rng.float(60_000, 200_000));
    for (const t of targets)
      effects.push({
        type: 'call',
        service: svc.name,
        target: t,
        failure: { cls: 'fd' },
        failMs: rng.float(0.1, 2),
        waitMs: 0,
        countMul: 1,
        fraction,
        shape: s,
      });
    if (targets.size === 0)
      effects.push({ type: 'svc-error', service: svc.name, failure: { cls: 'fd' }, status: 500, fraction, shape: s });
    schedules.push({
      service: svc.name,
      from,
      to: Number.POSITIVE_INFINITY,
      everySec: rng.float(5, 20),
      rampMs: 120_000,
      event: 'fd-warn',
      level: 'error',
      params: { open: 65536, limit: 65536 },
    });
    note = `${svc.name} leaks sockets; it hits its file-descriptor limit and cannot open connections`;
    symptom = 'errors';
  }
  return {
    ...planBase(ctx, 'resource_exhaustion', `resource-${m}`, svc.name, false),
    title: `${svc.name} exhausted (${m})`,
    note,
    effects,
    crashes,
    strains,
    schedules,
    oneShots,
    symptom,
    onset,
    ...(rootAlert ? { rootAlert } : {}),
  };
}
