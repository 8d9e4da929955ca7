import type { Service, Topology } from '../model/topology-model.ts';
import type { TrafficChange } from '../model/world-model.ts';
import { drawLogProfile } from '../topology/draw-log-profile.ts';
import { computeLoad, type Load } from '../world/compute-load.ts';
import { chooseRootService } from './choose-root.ts';
import type { FaultContext, FaultPlan } from './fault-plan.ts';
import { planBase } from './plan-base.ts';
import { shape } from './shape.ts';

type Manifestation = 'edge' | 'endpoint' | 'new-client';

const CLIENTS = [
  'partner-sync',
  'bulk-exporter',
  'reindex-job',
  'data-backfill',
  'crm-sync',
  'analytics-loader',
  'prefetch-worker',
  'report-builder',
  'migration-runner',
  'price-scraper',
];

/** Sets headrooms so that only `root` runs beyond capacity under the surge load. */
function withCapacity(topology: Topology, base: Load, surge: Load, root: string, util: number): Topology {
  const services = topology.services.map((s): Service => {
    const b = Math.max(base.service.get(s.name) ?? 0, 0.5);
    const peak = surge.service.get(s.name) ?? b;
    if (s.name === root) return { ...s, headroom: Math.max(0.6, peak / b / util) };
    return { ...s, headroom: Math.max(s.headroom, (peak / b) * 1.3) };
  });
  return { ...topology, services };
}

/** Load beyond capacity arrives at the root: a surge at the edge, on one endpoint, or a new heavy internal client. */
export function planTrafficSurge(ctx: FaultContext): FaultPlan {
  const rng = ctx.rng;
  const m = rng.weighted<Manifestation>([
    ['edge', 35],
    ['endpoint', 30],
    ['new-client', 35],
  ]);
  const from = ctx.onset;
  const ramp = rng.float(20_000, 150_000);
  const util = rng.float(1.3, 2.4);
  const base = ctx.load;
  if (m === 'edge' || m === 'endpoint') {
    const entry = rng.weighted(ctx.topology.entries.map((e) => [e.service, e.share] as const));
    const svc = ctx.service(entry);
    const ops = svc.ops.filter((o) => o.protocol === 'http' || o.protocol === 'grpc');
    if (m === 'edge' || ops.length < 2) {
      const k = rng.float(3, 8);
      const rps = new Map(ctx.entryRps);
      rps.set(entry, (rps.get(entry) ?? 0) * k);
      const surge = computeLoad(ctx.topology, rps);
      const cause = rng.pick([
        'a marketing push notification',
        'a bot / crawler burst',
        'a TV ad campaign',
        'a client retry loop in the new app release',
        'a flash sale',
      ]);
      return {
        ...planBase(ctx, 'traffic_surge', 'surge-edge', entry, false),
        title: `traffic surge (${k.toFixed(1)}×) at ${entry}`,
        note: `${cause} multiplied traffic at ${entry} by ${k.toFixed(1)}; ${entry} runs out of capacity`,
        traffic: [{ shape: shape(from, ramp), entry, multiplier: k }],
        topology: withCapacity(ctx.topology, base, surge, entry, util),
        symptom: 'either',
      };
    }
    const op = rng.pick(ops.filter((o) => o.calls.some((c) => c.target.type === 'service')).concat(ops.slice(0, 1)));
    const k = rng.float(6, 25);
    const surge = computeLoad(ctx.topology, ctx.entryRps, undefined, { service: entry, op: op.key, multiplier: k });
    let bottleneck = entry;
    let best = 0;
    for (const s of ctx.topology.services) {
      if (s.name === entry || s.framework === 'nginx' || s.framework === 'envoy') continue;
      const ratio = (surge.service.get(s.name) ?? 0) / Math.max(base.service.get(s.name) ?? 0, 0.01);
      if (ratio > best * 1.05 || (ratio >= best * 0.95 && rng.chance(0.5))) {
        best = ratio;
        bottleneck = s.name;
      }
    }
    const change: TrafficChange = { shape: shape(from, ramp), entry, op: op.key, multiplier: k };
    return {
      ...planBase(ctx, 'traffic_surge', 'surge-endpoint', bottleneck, false),
      title: `surge on ${entry} ${op.key} saturates ${bottleneck}`,
      note: `requests to ${op.key} on ${entry} rose ${k.toFixed(0)}× (scraper traffic); the extra load exceeds the capacity of ${bottleneck}`,
      traffic: [change],
      topology: withCapacity(ctx.topology, base, surge, bottleneck, util),
      symptom: 'either',
    };
  }
  const target = chooseRootService(rng, ctx.topology, ctx.load, { entry: 0, mid: 3, leaf: 4, worker: 0 }, (s) =>
    s.ops.some((o) => o.protocol === 'http' || o.protocol === 'grpc'),
  );
  const op = rng.pick(target.ops.filter((o) => o.protocol === 'http' || o.protocol === 'grpc'));
  const taken = new Set(ctx.topology.services.map((s) => s.name));
  const name = rng.shuffle(CLIENTS).find((c) => !taken.has(c)) ?? `client-${rng.hex(4)}`;
  const rps = Math.max(base.service.get(target.name) ?? 1, 0.5) * rng.float(1.5, 4);
  const lang = rng.pick(['python', 'go', 'java', 'node'] as const);
  const client: Service = {
    ...target,
    key: name,
    name,
    role: 'batch',
    lang,
    framework: lang === 'python' ? 'celery' : 'cron',
    ops: [
      {
        key: `job ${name}`,
        spanName: rng.pick([
          `${name}.sync`,
          'sync_batch',
          `Run${name.replace(/-./g, (x) => (x[1] ?? '').toUpperCase())}`,
        ]),
        protocol: 'job',
        method: undefined,
        route: undefined,
        rpcService: undefined,
        rpcMethod: undefined,
        topic: undefined,
        weight: 1,
        selfMs: rng.float(1, 5),
        sigma: 0.4,
        calls: [
          {
            target: { type: 'service', service: target.name, op: op.key },
            prob: 1,
            min: 1,
            max: 1,
            critical: true,
            parallel: false,
            timeoutMs: rng.pick([5000, 10000, 30000]),
            retries: rng.pick([0, 2, 3]),
          },
        ],
        internalName: undefined,
        write: false,
      },
    ],
    traced: rng.chance(0.75),
    logged: true,
    replicas: rng.int(1, 3),
    version: `0.${rng.int(1, 9)}.${rng.int(0, 20)}`,
    depth: 1,
    clockSkewMs: Math.round(rng.float(-800, 800)),
    codeBase: name.replace(/-/g, '_'),
    log: { ...drawLogProfile(rng, lang, 'worker', true, false), accessRate: 0.02 },
    consumes: [],
    jobEveryMin: undefined,
  };
  const topology: Topology = { ...ctx.topology, services: [...ctx.topology.services, client] };
  const surge = computeLoad(topology, ctx.entryRps, { service: target.name, op: op.key, rps });
  return {
    ...planBase(ctx, 'traffic_surge', 'surge-new-client', target.name, false),
    title: `new client ${name} overloads ${target.name}`,
    note: `${name} started calling ${target.name} ${op.key} at ~${rps.toFixed(1)} req/s, beyond what ${target.name} can serve`,
    traffic: [{ shape: shape(from, ramp), multiplier: 1, client: { name, target: target.name, op: op.key, rps } }],
    topology: withCapacity(topology, base, surge, target.name, util),
    symptom: 'either',
  };
}
