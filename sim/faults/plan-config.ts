import type { Failure } from '../model/failure-model.ts';
import type { Call, Service } from '../model/topology-model.ts';
import type { Effect } from '../model/world-model.ts';
import { bugFor } from './bug-for.ts';
import { chooseRootService } from './choose-root.ts';
import type { FaultContext, FaultPlan, OneShotLog } from './fault-plan.ts';
import { pickOp } from './pick-op.ts';
import { planBase } from './plan-base.ts';
import { shape } from './shape.ts';

type Manifestation = 'credentials' | 'flag' | 'timeout' | 'pool-size' | 'endpoint' | 'rate-limit' | 'cache-off';

const FLAGS = [
  'new-pricing-engine',
  'checkout-v2',
  'async-ledger-writes',
  'smart-routing',
  'batch-lookups',
  'new-serializer',
  'enable-recs-v3',
  'strict-validation',
  'fast-path-auth',
];

function outCalls(s: Service, type: 'service' | 'dep'): Call[] {
  return s.ops.flatMap((o) => o.calls).filter((c) => c.target.type === type);
}

/** A configuration or feature-flag change to the root service breaks it (credentials, buggy flag path, timeouts, pool size, endpoint, rate limit, cache). */
export function planConfig(ctx: FaultContext): FaultPlan {
  const rng = ctx.rng;
  let m = rng.weighted<Manifestation>([
    ['credentials', 18],
    ['flag', 24],
    ['timeout', 16],
    ['pool-size', 12],
    ['endpoint', 12],
    ['rate-limit', 8],
    ['cache-off', 10],
  ]);
  const needsDeps = m === 'credentials' || m === 'pool-size' || m === 'cache-off';
  const needsCalls = m === 'timeout' || m === 'endpoint';
  const svc = chooseRootService(rng, ctx.topology, ctx.load, { entry: 1, mid: 4, leaf: 4, worker: 1 }, (s) =>
    needsDeps
      ? outCalls(s, 'dep').length > 0
      : needsCalls
        ? outCalls(s, 'dep').length + outCalls(s, 'service').length > 0
        : m === 'rate-limit'
          ? s.role !== 'edge'
          : true,
  );
  if (needsDeps && outCalls(svc, 'dep').length === 0) m = 'flag';
  if (needsCalls && outCalls(svc, 'dep').length + outCalls(svc, 'service').length === 0) m = 'flag';
  const at = ctx.onset - rng.float(5_000, 40_000);
  const from = ctx.onset;
  const effects: Effect[] = [];
  const oneShots: OneShotLog[] = [];
  const pods = ctx.pods.get(svc.name) ?? [];
  let title = '';
  let note = '';
  let description = '';
  let flag: string | undefined;
  let key = '';
  let symptom: FaultPlan['symptom'] = 'errors';
  // prefer calls the service cannot do without (a broken optional call only degrades quietly)
  const preferCritical = (calls: Call[]): Call[] =>
    calls.some((c) => c.critical) && rng.chance(0.85) ? calls.filter((c) => c.critical) : calls;
  const depCall = preferCritical(outCalls(svc, 'dep'));
  const anyCall = preferCritical([...outCalls(svc, 'service'), ...outCalls(svc, 'dep')]);
  if (m === 'credentials') {
    const c = rng.pick(depCall);
    const dep = ctx.topology.deps.find((d) => c.target.type === 'dep' && d.key === c.target.dep);
    key = `${dep?.kind === 'external' ? 'api-key' : 'password'} (secret ${svc.name}-${dep?.kind === 'external' ? 'api' : 'db'}-credentials)`;
    effects.push({
      type: 'call',
      service: svc.name,
      target: dep?.key ?? '',
      failure: { cls: 'auth' },
      failMs: rng.float(2, 30),
      waitMs: 0,
      countMul: 1,
      fraction: 1,
      shape: shape(from, rng.float(10_000, 90_000)),
    });
    description = `Rotate ${dep?.name ?? 'database'} credentials for ${svc.name}`;
    title = `${svc.name} uses rotated, invalid credentials for ${dep?.name}`;
    note = `secret rotation left ${svc.name} with a wrong ${dep?.kind === 'external' ? 'API key' : 'password'} for ${dep?.name}`;
  } else if (m === 'flag') {
    flag = rng.pick(FLAGS);
    const op = pickOp(rng, svc, ctx.load);
    const failure = bugFor(rng, svc, op?.key);
    const pct = rng.pick([10, 20, 25, 50, 100]);
    effects.push({
      type: 'svc-error',
      service: svc.name,
      failure,
      status: 500,
      fraction: (pct / 100) * rng.float(0.6, 1),
      shape: shape(from, rng.float(0, 30_000)),
      ...(op ? { ops: [op.key] } : {}),
    });
    description = `Enable ${flag} for ${pct}% of traffic`;
    key = flag;
    title = `feature flag ${flag} enables a buggy path in ${svc.name}`;
    note = `turning on ${flag} in ${svc.name} sends requests down a path that throws ${failure.exType}`;
    for (const p of pods)
      oneShots.push({
        service: svc.name,
        pod: p.pod,
        t: at + rng.float(200, 5000),
        level: 'info',
        event: 'flag-update',
        params: { flag, value: `${pct}%` },
      });
  } else if (m === 'timeout') {
    const c = rng.pick(anyCall);
    const target = c.target.type === 'service' ? c.target.service : c.target.type === 'dep' ? c.target.dep : '';
    const name =
      c.target.type === 'service'
        ? c.target.service
        : (ctx.topology.deps.find((d) => d.key === target)?.name ?? target);
    // a value typed in the wrong unit (10 instead of 10000) or simply far below normal latency
    const timeoutMs =
      c.target.type === 'dep'
        ? Math.max(1, Math.round(c.target.op.medianMs * rng.float(0.3, 0.9)))
        : rng.pick([3, 5, 10, 15]);
    key = `${name.replace(/[^a-z0-9]/gi, '-')}.client.timeout`;
    effects.push({
      type: 'call',
      service: svc.name,
      target,
      timeoutMs,
      failMs: 0,
      waitMs: 0,
      countMul: 1,
      fraction: 1,
      shape: shape(from, rng.float(5_000, 60_000)),
    });
    description = `Set ${key}=${timeoutMs}ms (was ${c.timeoutMs}ms)`;
    title = `${svc.name} client timeout to ${name} set too low`;
    note = `${key} lowered to ${timeoutMs}ms, below ${name}'s normal latency, so ${svc.name} times out while ${name} is healthy`;
  } else if (m === 'pool-size') {
    const c = rng.pick(depCall);
    const dep = ctx.topology.deps.find((d) => c.target.type === 'dep' && d.key === c.target.dep);
    const poolTimeout = rng.pick([1000, 3000, 5000, 30000]);
    key = rng.pick([
      'spring.datasource.hikari.maximum-pool-size',
      'db.pool.max',
      'DB_POOL_SIZE',
      'pool.max_connections',
    ]);
    effects.push({
      type: 'call',
      service: svc.name,
      target: dep?.key ?? '',
      failure: { cls: 'pool', timeoutMs: poolTimeout },
      failMs: poolTimeout,
      waitMs: rng.float(50, 600),
      countMul: 1,
      fraction: rng.float(0.15, 0.45),
      shape: shape(from, rng.float(20_000, 90_000)),
    });
    description = `Reduce ${key} from ${rng.pick([20, 30, 50])} to ${rng.pick([2, 3, 5])}`;
    title = `${svc.name} connection pool shrunk by config`;
    note = `${key} was reduced, so ${svc.name} waits for and times out on connections to ${dep?.name}`;
    symptom = 'either';
  } else if (m === 'endpoint') {
    const c = rng.pick(anyCall);
    const target = c.target.type === 'service' ? c.target.service : c.target.type === 'dep' ? c.target.dep : '';
    const name =
      c.target.type === 'service'
        ? c.target.service
        : (ctx.topology.deps.find((d) => d.key === target)?.name ?? target);
    const failure: Failure = rng.chance(0.6)
      ? { cls: 'dns', address: `${name.split('.')[0]}-v2.internal` }
      : { cls: 'refused' };
    key = `${name.replace(/[^a-z0-9]/gi, '_').toUpperCase()}_URL`;
    effects.push({
      type: 'call',
      service: svc.name,
      target,
      failure,
      failMs: failure.cls === 'dns' ? rng.float(1, 40) : rng.float(0.5, 3),
      waitMs: 0,
      countMul: 1,
      fraction: 1,
      shape: shape(from, rng.float(5_000, 60_000)),
    });
    description = `Point ${key} at new ${name} endpoint`;
    title = `${svc.name} configured with a wrong endpoint for ${name}`;
    note = `${key} was changed to an address that ${failure.cls === 'dns' ? 'does not resolve' : 'refuses connections'}`;
  } else if (m === 'rate-limit') {
    const rps = rng.pick([50, 100, 200]);
    key = 'ratelimit.requests_per_second';
    effects.push({
      type: 'svc-error',
      service: svc.name,
      failure: { cls: 'ratelimit' },
      status: 429,
      fraction: rng.float(0.2, 0.6),
      shape: shape(from, rng.float(5_000, 40_000)),
    });
    description = `Set ${key}=${rps} for ${svc.name}`;
    title = `${svc.name} rate limit configured too low`;
    note = `a rate limit of ${rps} rps on ${svc.name} rejects normal traffic with 429; callers fail`;
  } else {
    const sql =
      depCall.find(
        (c) =>
          c.target.type === 'dep' &&
          ctx.topology.deps.find((d) => d.key === (c.target.type === 'dep' ? c.target.dep : ''))?.kind === 'sql',
      ) ?? rng.pick(depCall);
    const depKey = sql.target.type === 'dep' ? sql.target.dep : '';
    key = rng.pick(['cache.enabled', 'CACHE_TTL_SECONDS', 'spring.cache.type']);
    effects.push({
      type: 'call',
      service: svc.name,
      target: depKey,
      countMul: rng.float(3, 8),
      failMs: 0,
      waitMs: 0,
      fraction: 1,
      shape: shape(from, rng.float(5_000, 40_000)),
    });
    effects.push({
      type: 'dep',
      dep: depKey,
      mode: 'slow',
      mul: rng.float(3, 8),
      failMs: 0,
      fraction: 1,
      shape: shape(from, rng.float(30_000, 120_000)),
    });
    description =
      key === 'CACHE_TTL_SECONDS' ? `Set ${key}=0` : `Set ${key}=${key === 'spring.cache.type' ? 'none' : 'false'}`;
    title = `${svc.name} cache disabled by config`;
    note = `with its cache disabled ${svc.name} hits its database for every lookup and slows down`;
    symptom = 'latency';
  }
  if (m !== 'flag')
    for (const p of pods)
      oneShots.push({
        service: svc.name,
        pod: p.pod,
        t: at + rng.float(1000, 30_000),
        level: 'info',
        event: 'config-reload',
        params: { key },
      });
  const change = ctx.changes.config({ service: svc.name, at, description, ...(flag ? { flag } : {}) });
  return {
    ...planBase(ctx, 'config', `config-${m}`, svc.name, false),
    title,
    note,
    effects,
    oneShots,
    changes: [change],
    changeId: change.id,
    symptom,
  };
}
