import type { Rng } from '../core/rng.ts';
import type { Call, Dependency, Lang, Operation, Role } from '../model/topology-model.ts';
import { buildDepOp } from './build-dep-op.ts';
import type { FamilyServiceSpec } from './family-spec.ts';
import { parseCall } from './parse-call.ts';
import { parseOpMeta } from './parse-op-meta.ts';

export type OpBuildContext = {
  readonly rng: Rng;
  /** Service key → concrete service name, for included services only. */
  readonly names: ReadonlyMap<string, string>;
  /** Op keys per included service key. */
  readonly opKeys: ReadonlyMap<string, ReadonlySet<string>>;
  readonly deps: ReadonlyMap<string, Dependency>;
  /** gRPC service name of this service's methods (e.g. `oteldemo.CartService`). */
  readonly rpcService: string;
  readonly legacyDb: boolean;
  readonly lang: Lang;
  readonly role: Role;
  readonly serviceName: string;
};

const HTTP_KEY = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/;

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

function defaultTimeout(ctx: OpBuildContext, type: string, dep: Dependency | undefined): number {
  const { rng } = ctx;
  if (type === 'service') return rng.pick([1000, 2000, 3000, 5000, 5000, 10000, 30000]);
  if (type === 'publish') return rng.pick([5000, 10000, 30000]);
  if (!dep) return 5000;
  if (dep.kind === 'cache') return rng.pick([200, 500, 1000, 2000]);
  if (dep.kind === 'external' || dep.kind === 'storage') return rng.pick([3000, 5000, 10000, 15000]);
  return rng.pick([2000, 5000, 10000, 30000]);
}

function buildCalls(ctx: OpBuildContext, texts: readonly string[], write: boolean): Call[] {
  const { rng } = ctx;
  const calls: Call[] = [];
  for (const text of texts) {
    const p = parseCall(text);
    let target: Call['target'];
    let dep: Dependency | undefined;
    if (p.type === 'service') {
      const name = ctx.names.get(p.target);
      if (!name || !ctx.opKeys.get(p.target)?.has(p.op)) continue;
      target = { type: 'service', service: name, op: p.op };
    } else {
      dep = ctx.deps.get(p.target);
      if (!dep) continue;
      target =
        p.type === 'publish'
          ? { type: 'publish', dep: dep.key, topic: p.op }
          : { type: 'dep', dep: dep.key, op: buildDepOp(dep, p.op, ctx.legacyDb, rng) };
    }
    const retries = p.retries ?? (p.type === 'service' && !write && rng.chance(0.25) ? rng.int(1, 2) : 0);
    calls.push({
      target,
      prob: p.prob,
      min: p.min,
      max: p.max,
      critical: p.critical,
      parallel: p.parallel,
      timeoutMs: p.timeoutMs ?? defaultTimeout(ctx, p.type, dep),
      retries,
    });
  }
  return calls;
}

function selfMs(role: Role, rng: Rng, given: number | undefined): number {
  const base = given ?? (role === 'edge' ? 4 : role === 'worker' ? 5 : 3);
  return base * rng.float(0.6, 1.6);
}

/** Builds the operations of one service from its spec: HTTP routes, gRPC methods, consumers and its job. */
export function buildOperations(ctx: OpBuildContext, spec: FamilyServiceSpec): Operation[] {
  const { rng } = ctx;
  const ops: Operation[] = [];
  const internal = (key: string): string | undefined => {
    const chance = ctx.lang === 'java' ? 0.5 : ctx.lang === 'dotnet' ? 0.3 : 0.1;
    if (!rng.chance(chance)) return undefined;
    const cls = `${pascal(ctx.serviceName)}${rng.pick(['Controller', 'Service', 'Handler', 'Resource'])}`;
    const m = HTTP_KEY.exec(key);
    const method = m
      ? `${(m[1] ?? 'get').toLowerCase()}${pascal(
          m[2]
            ?.split('/')
            .filter((s) => s && !s.startsWith('{'))
            .pop() ?? 'index',
        )}`
      : key.charAt(0).toLowerCase() + key.slice(1);
    return `${cls}.${method}`;
  };
  const bareMethodName = rng.chance(0.12);
  for (const [key, items] of Object.entries(spec.ops ?? {})) {
    const { meta, calls } = parseOpMeta(items);
    const m = HTTP_KEY.exec(key);
    const base = {
      key,
      weight: meta.weight,
      selfMs: selfMs(ctx.role, rng, meta.selfMs),
      sigma: rng.float(0.3, 0.6),
      calls: buildCalls(ctx, calls, meta.write || (m?.[1] ?? 'GET') !== 'GET'),
      internalName: internal(key),
      write: meta.write || (m !== null && m[1] !== 'GET'),
      topic: undefined,
    };
    if (m) {
      const method = m[1] ?? 'GET';
      const route = m[2] ?? '/';
      ops.push({
        ...base,
        spanName: bareMethodName ? method : `${method} ${route}`,
        protocol: 'http',
        method,
        route,
        rpcService: undefined,
        rpcMethod: undefined,
      });
    } else {
      const rpcService = ctx.rpcService;
      ops.push({
        ...base,
        spanName: `${rpcService}/${key}`,
        protocol: 'grpc',
        method: undefined,
        route: undefined,
        rpcService,
        rpcMethod: key,
      });
    }
  }
  const newStyle = rng.chance(0.6);
  for (const [topic, items] of Object.entries(spec.consumes ?? {})) {
    const { calls } = parseOpMeta(items);
    ops.push({
      key: `consume ${topic}`,
      spanName: newStyle ? `process ${topic}` : `${topic} process`,
      protocol: 'consumer',
      method: undefined,
      route: undefined,
      rpcService: undefined,
      rpcMethod: undefined,
      topic,
      weight: 1,
      selfMs: selfMs('worker', rng, undefined),
      sigma: rng.float(0.3, 0.6),
      calls: buildCalls(ctx, calls, true),
      internalName: undefined,
      write: true,
    });
  }
  if (spec.job) {
    ops.push({
      key: `job ${spec.job.name}`,
      spanName: rng.chance(0.5)
        ? `${spec.job.name}.run`
        : spec.job.name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase(),
      protocol: 'job',
      method: undefined,
      route: undefined,
      rpcService: undefined,
      rpcMethod: undefined,
      topic: undefined,
      weight: 1,
      selfMs: rng.float(200, 900),
      sigma: 0.3,
      calls: buildCalls(ctx, spec.job.calls, true),
      internalName: undefined,
      write: true,
    });
  }
  return ops;
}
