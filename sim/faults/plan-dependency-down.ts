import type { Failure } from '../model/failure-model.ts';
import type { Effect } from '../model/world-model.ts';
import { chooseRootDependency } from './choose-root.ts';
import type { FaultContext, FaultPlan } from './fault-plan.ts';
import { planBase } from './plan-base.ts';
import { planLatency } from './plan-latency.ts';
import { shape } from './shape.ts';

type Manifestation = 'refused' | 'timeout' | 'connect-timeout' | 'http-5xx' | 'broker' | 'tls' | 'dns' | 'flapping';

/** A backing dependency becomes unreachable or refuses requests: the root is the dependency itself. */
export function planDependencyDown(ctx: FaultContext): FaultPlan {
  const rng = ctx.rng;
  const dep = chooseRootDependency(rng, ctx.topology, ctx.load);
  if (!dep) return { ...planLatency(ctx), kind: 'latency' };
  let m: Manifestation;
  if (dep.kind === 'queue') m = 'broker';
  else if (dep.kind === 'external' || dep.kind === 'storage')
    m = rng.weighted<Manifestation>([
      ['http-5xx', 40],
      ['timeout', 25],
      ['tls', 15],
      ['dns', 10],
      ['connect-timeout', 10],
    ]);
  else
    m = rng.weighted<Manifestation>([
      ['refused', 40],
      ['timeout', 25],
      ['connect-timeout', 15],
      ['flapping', 12],
      ['dns', 8],
    ]);
  const from = ctx.onset;
  const ramp = rng.pick([0, 0, 5_000, 20_000, 60_000]);
  const effects: Effect[] = [];
  const fraction = rng.float(0.75, 1);
  let failure: Failure | undefined;
  let failMs = rng.float(0.5, 4);
  let mode: 'fail' | 'hang' = 'fail';
  let what = '';
  switch (m) {
    case 'refused':
      failure = { cls: 'refused' };
      what = 'refuses connections (process down)';
      break;
    case 'timeout':
      mode = 'hang';
      what = 'stopped answering (requests hang until the client times out)';
      break;
    case 'connect-timeout':
      failure = { cls: 'connect-timeout' };
      failMs = rng.pick([1000, 3000, 5000, 10000]);
      what = 'is unreachable (connection attempts time out)';
      break;
    case 'http-5xx':
      failure = { cls: 'http', status: rng.pick([500, 502, 503, 503, 504]) };
      failMs = rng.float(20, 400);
      what = `returns HTTP ${failure.status}`;
      break;
    case 'broker':
      failure = { cls: 'broker' };
      failMs = rng.pick([5000, 10000, 30000]);
      what = 'brokers are unreachable; producers time out';
      break;
    case 'tls':
      failure = { cls: 'tls' };
      failMs = rng.float(5, 40);
      what = 'serves an expired TLS certificate';
      break;
    case 'dns':
      failure = { cls: 'dns' };
      failMs = rng.float(1, 80);
      what = 'no longer resolves in DNS';
      break;
    case 'flapping':
      failure = { cls: rng.pick(['refused', 'reset'] as const) };
      what = 'is flapping (primary restarting repeatedly)';
      break;
  }
  if (m === 'flapping') {
    let t = from;
    for (let i = 0; i < 12; i++) {
      const down = rng.float(20_000, 70_000);
      effects.push({
        type: 'dep',
        dep: dep.key,
        mode: 'fail',
        failure: failure ?? { cls: 'refused' },
        failMs,
        mul: 1,
        fraction,
        shape: shape(t, 0, t + down),
      });
      t += down + rng.float(5_000, 25_000);
    }
  } else
    effects.push({
      type: 'dep',
      dep: dep.key,
      mode,
      failMs,
      mul: 1,
      fraction,
      shape: shape(from, ramp),
      ...(failure ? { failure } : {}),
    });
  return {
    ...planBase(ctx, 'dependency_down', `dependency-${m}`, dep.name, true),
    title: `${dep.name} (${dep.system}) ${what}`,
    note: `${dep.name} at ${dep.address}:${dep.port} ${what}`,
    effects,
    symptom: m === 'timeout' ? 'either' : 'errors',
  };
}
