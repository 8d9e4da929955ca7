import type { Rng } from '../core/rng.ts';
import type { OneShotLog } from '../faults/fault-plan.ts';
import type { LogEvent } from '../model/records.ts';
import type { Service, Topology } from '../model/topology-model.ts';
import type { Instance, LogSchedule } from '../model/world-model.ts';
import { intensity } from '../world/intensity.ts';

export type BackgroundInput = {
  readonly rng: Rng;
  readonly topology: Topology;
  readonly pods: ReadonlyMap<string, readonly Instance[]>;
  readonly schedules: readonly LogSchedule[];
  readonly oneShots: readonly OneShotLog[];
  readonly start: number;
  readonly end: number;
};

const ROUTINE = ['heartbeat', 'cache-stats', 'token-refresh', 'pool-stats'] as const;

function podAt(pods: readonly Instance[], name: string | undefined, t: number, rng: Rng): Instance | undefined {
  if (name) return pods.find((p) => p.pod === name);
  const live = pods.filter((p) => p.start <= t && p.end > t);
  return live.length > 0 ? rng.pick(live) : pods[0];
}

/**
 * Log lines not caused by requests: process start/stop around rollouts and OOM kills,
 * scheduled lines from faults and noise (GC, disk, pools, chronic complaints), one-off
 * lines (config reloads, flag updates), routine chatter and health probes.
 */
export function emitBackgroundLogs(input: BackgroundInput): LogEvent[] {
  const { rng, topology, start, end } = input;
  const out: LogEvent[] = [];
  const byName = new Map<string, Service>(topology.services.map((s) => [s.name, s]));
  const push = (
    svc: Service | undefined,
    pod: Instance | undefined,
    t: number,
    level: LogEvent['level'],
    event: string,
    params: LogEvent['params'],
  ): void => {
    if (!svc?.logged || !pod || t < start + 2500 || t >= end) return;
    if (level === 'debug' && !svc.log.debug) return;
    out.push({ t, service: svc.name, pod: pod.pod, level, event, params });
  };
  for (const [name, pods] of input.pods) {
    const svc = byName.get(name);
    if (!svc) continue;
    for (const p of pods) {
      for (const inc of p.incarnations) {
        if (inc.start > start && inc.start < end) {
          const n = svc.lang === 'java' ? rng.int(2, 4) : rng.int(1, 2);
          for (let i = 0; i < n; i++)
            push(svc, p, inc.start + i * rng.float(50, 4000), 'info', 'startup', { version: p.version });
        }
        if (inc.end > start && inc.end < end && !inc.killed)
          push(svc, p, inc.end - rng.float(100, 3000), 'info', 'shutdown', {});
      }
      if (p.end > start && p.end < end) push(svc, p, p.end - rng.float(200, 1500), 'info', 'shutdown', {});
    }
  }
  for (const s of input.schedules) {
    const svc = byName.get(s.service);
    const pods = input.pods.get(s.service) ?? [];
    const from = Math.max(s.from, start);
    const to = Math.min(s.to, end);
    if (!svc || to <= from) continue;
    let t = from + rng.exp(s.everySec * 1000);
    while (t < to) {
      const shape = { from: s.from, to: s.to, rampMs: s.rampMs };
      if (rng.chance(Math.max(0.1, intensity(shape, t)))) {
        const podName = s.pods ? rng.pick(s.pods) : undefined;
        const pod = podAt(pods, podName, t, rng);
        const params: Record<string, string | number> = { ...(s.params ?? {}) };
        if (typeof params.pct === 'number')
          params.pct = Math.min(100, Math.round(params.pct * (0.9 + 0.1 * intensity(shape, t))));
        if (s.event === 'gc-pause') params.ms = rng.lognormal(80 + 900 * intensity(shape, t), 0.6);
        push(svc, pod, t, s.level, s.event, params);
      }
      t += rng.exp(s.everySec * 1000);
    }
  }
  for (const o of input.oneShots) {
    const svc = byName.get(o.service);
    push(svc, podAt(input.pods.get(o.service) ?? [], o.pod, o.t, rng), o.t, o.level, o.event, o.params);
  }
  for (const svc of topology.services) {
    if (!svc.logged || svc.framework === 'nginx' || svc.framework === 'envoy') continue;
    const pods = input.pods.get(svc.name) ?? [];
    const kinds = rng.shuffle(ROUTINE).slice(0, rng.int(0, 2));
    const probes = svc.log.accessRate > 0.5 && rng.chance(0.3);
    for (const kind of kinds) {
      const every = rng.float(60, 600) / svc.log.chattiness;
      for (let t = start + rng.float(0, every * 1000); t < end; t += rng.exp(every * 1000)) {
        const level = kind === 'pool-stats' ? 'debug' : kind === 'heartbeat' && rng.chance(0.5) ? 'debug' : 'info';
        push(svc, podAt(pods, undefined, t, rng), t, level, kind, {
          total: 10,
          active: rng.int(1, 5),
          waiting: 0,
          hits: rng.int(1000, 90000),
          misses: rng.int(10, 5000),
          target: topology.deps[0]?.name ?? 'vault',
        });
      }
    }
    if (svc.role === 'worker' && svc.consumes.length > 0) {
      for (let t = start + rng.float(0, 60_000); t < end; t += rng.float(50_000, 70_000))
        push(svc, podAt(pods, undefined, t, rng), t, 'info', 'consumer-lag', {
          group: `${svc.name}-group`,
          lag: rng.int(0, 40),
          topic: svc.consumes[0],
        });
    }
    if (probes) {
      const every = rng.pick([10_000, 15_000, 30_000]);
      for (const p of pods)
        for (let t = Math.max(start, p.start) + rng.float(0, every); t < Math.min(end, p.end); t += every)
          push(svc, p, t + rng.float(-300, 300), 'info', 'health-probe', {
            path: rng.pick(['/healthz', '/actuator/health/liveness', '/health/ready', '/livez']),
            ip: `10.${rng.int(0, 63)}.0.1`,
          });
    }
  }
  return out;
}
