import type { Rng } from '../core/rng.ts';
import type { Operation, Service } from '../model/topology-model.ts';
import type { Load } from '../world/compute-load.ts';

/** Picks one of a service's operations, weighted by its traffic (jobs excluded). */
export function pickOp(rng: Rng, svc: Service, load: Load, filter?: (o: Operation) => boolean): Operation | undefined {
  const ops = svc.ops.filter((o) => o.protocol !== 'job' && (!filter || filter(o)));
  if (ops.length === 0) return undefined;
  return rng.weighted(ops.map((o) => [o, Math.max(0.001, load.op.get(`${svc.name}|${o.key}`) ?? 0)] as const));
}
