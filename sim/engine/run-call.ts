import type { Failure } from '../model/failure-model.ts';
import type { Call, Service } from '../model/topology-model.ts';
import type { Instance } from '../model/world-model.ts';
import { callDependency } from './call-dependency.ts';
import { callService } from './call-service.ts';
import { publish } from './publish.ts';
import type { Parent, RequestContext } from './request-context.ts';
import type { World } from './world.ts';

export type CallResult = { readonly end: number; readonly failure: Failure | undefined };

/** Performs one call of an operation (repeated `min..max` times, one after another), stopping at the first failure. */
export function runCall(
  w: World,
  svc: Service,
  pod: Instance,
  call: Call,
  t: number,
  parent: Parent,
  req: RequestContext,
): CallResult {
  let n = w.rng.int(call.min, call.max);
  if (call.target.type === 'dep') {
    const mul = w.effects.call(svc.name, call.target.dep, true, pod, t, w.rng).countMul;
    if (mul > 1) n = Math.round(n * mul * w.rng.float(0.7, 1.3));
  }
  let cur = t;
  for (let i = 0; i < n; i++) {
    const res =
      call.target.type === 'service'
        ? callService(w, svc, pod, call, call.target, cur, parent, req)
        : call.target.type === 'dep'
          ? callDependency(w, svc, pod, call, call.target, cur, parent)
          : publish(w, svc, pod, call, call.target, cur, parent, req);
    cur = res.end + (i < n - 1 ? w.rng.float(0.01, 0.15) : 0);
    if (res.failure) return { end: cur, failure: res.failure };
  }
  return { end: cur, failure: undefined };
}
