import type { Topology } from '../model/topology-model.ts';

export type Load = {
  /** Requests per second served by each service. */
  readonly service: Map<string, number>;
  /** Requests per second of each operation, keyed `service|op`. */
  readonly op: Map<string, number>;
  /** Calls per second to each dependency key. */
  readonly dep: Map<string, number>;
};

/**
 * Expected steady-state rates given entry traffic: follows call probabilities and repeat
 * counts down the call graph and through queues. `extra` adds a client calling one op directly.
 */
export function computeLoad(
  topology: Topology,
  entryRps: ReadonlyMap<string, number>,
  extra?: { readonly service: string; readonly op: string; readonly rps: number },
  entryOp?: { readonly service: string; readonly op: string; readonly multiplier: number },
): Load {
  const byName = new Map(topology.services.map((s) => [s.name, s]));
  const consumers = new Map<string, { service: string; op: string }[]>();
  for (const s of topology.services)
    for (const o of s.ops)
      if (o.topic) consumers.set(o.topic, [...(consumers.get(o.topic) ?? []), { service: s.name, op: o.key }]);
  const service = new Map<string, number>();
  const op = new Map<string, number>();
  const dep = new Map<string, number>();
  const visit = (name: string, opKey: string, rate: number, depth: number): void => {
    if (depth > 12 || rate <= 0) return;
    const s = byName.get(name);
    const o = s?.ops.find((x) => x.key === opKey);
    if (!s || !o) return;
    service.set(name, (service.get(name) ?? 0) + rate);
    op.set(`${name}|${opKey}`, (op.get(`${name}|${opKey}`) ?? 0) + rate);
    for (const c of o.calls) {
      const r = rate * c.prob * ((c.min + c.max) / 2);
      if (c.target.type === 'service') visit(c.target.service, c.target.op, r, depth + 1);
      else if (c.target.type === 'dep') dep.set(c.target.dep, (dep.get(c.target.dep) ?? 0) + r);
      else {
        dep.set(c.target.dep, (dep.get(c.target.dep) ?? 0) + r);
        for (const k of consumers.get(c.target.topic) ?? []) visit(k.service, k.op, r, depth + 1);
      }
    }
  };
  for (const e of topology.entries) {
    const s = byName.get(e.service);
    const total = entryRps.get(e.service) ?? 0;
    if (!s) continue;
    const entryOps = s.ops.filter((o) => o.protocol === 'http' || o.protocol === 'grpc');
    const wsum = entryOps.reduce((a, o) => a + o.weight, 0) || 1;
    for (const o of entryOps) {
      const mul = entryOp && entryOp.service === s.name && entryOp.op === o.key ? entryOp.multiplier : 1;
      visit(s.name, o.key, ((total * o.weight) / wsum) * mul, 0);
    }
  }
  if (extra) visit(extra.service, extra.op, extra.rps, 0);
  return { service, op, dep };
}
