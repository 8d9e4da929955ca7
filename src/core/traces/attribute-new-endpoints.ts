import type { TimeWindow } from '../telemetry/time-window.ts';
import type { TraceFacts } from './trace-facts.ts';

const MIN_BASELINE_CALLS = 3;

/**
 * A caller that now calls a dependency at an address it never used in the baseline (a config
 * pointing at the wrong host, a typo in an endpoint) is the one at fault when those calls fail:
 * the dependency's share of such failures moves to the caller.
 */
export function attributeNewEndpoints(
  facts: readonly TraceFacts[],
  baseline: TimeWindow,
  incident: TimeWindow,
): TraceFacts[] {
  const known = new Map<string, { n: number; addresses: Set<string> }>();
  for (const f of facts) {
    if (f.start < baseline.from || f.start >= baseline.to) continue;
    for (const c of f.calls) {
      if (c.address === undefined) continue;
      const key = `${c.from}\u0000${c.to}`;
      const k = known.get(key) ?? { n: 0, addresses: new Set<string>() };
      k.n++;
      k.addresses.add(c.address);
      known.set(key, k);
    }
  }
  return facts.map((f) => {
    if (!f.failing || f.start < incident.from || f.start >= incident.to) return f;
    const moves = f.peerOrigins.filter((o) => {
      if (o.address === undefined) return false;
      const k = known.get(`${o.caller}\u0000${o.peer}`);
      return k !== undefined && k.n >= MIN_BASELINE_CALLS && !k.addresses.has(o.address);
    });
    if (moves.length === 0) return f;
    const origins = new Map(f.origins);
    for (const o of moves) {
      const left = (origins.get(o.peer) ?? 0) - o.share;
      if (left > 1e-9) origins.set(o.peer, left);
      else origins.delete(o.peer);
      origins.set(o.caller, (origins.get(o.caller) ?? 0) + o.share);
    }
    return { ...f, origins };
  });
}
