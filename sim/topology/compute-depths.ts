import type { Operation } from '../model/topology-model.ts';

type Node = { readonly name: string; readonly ops: readonly Operation[]; readonly consumes: readonly string[] };

/**
 * Depth of every service from the entries (entry = 1), following service calls and
 * queue hand-offs, plus the longest call chain (in services, dependencies count as one more hop).
 */
export function computeDepths(
  nodes: readonly Node[],
  entries: readonly string[],
): { depth: Map<string, number>; longest: number } {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const consumersOf = new Map<string, string[]>();
  for (const n of nodes) for (const t of n.consumes) consumersOf.set(t, [...(consumersOf.get(t) ?? []), n.name]);
  const next = (n: Node): string[] => {
    const out: string[] = [];
    for (const op of n.ops)
      for (const c of op.calls) {
        if (c.target.type === 'service') out.push(c.target.service);
        if (c.target.type === 'publish') out.push(...(consumersOf.get(c.target.topic) ?? []));
      }
    return out;
  };
  const depth = new Map<string, number>();
  let frontier = [...entries];
  for (const e of entries) depth.set(e, 1);
  while (frontier.length > 0) {
    const nxt: string[] = [];
    for (const name of frontier) {
      const n = byName.get(name);
      if (!n) continue;
      for (const m of next(n))
        if (!depth.has(m)) {
          depth.set(m, (depth.get(name) ?? 1) + 1);
          nxt.push(m);
        }
    }
    frontier = nxt;
  }
  for (const n of nodes) if (!depth.has(n.name)) depth.set(n.name, 1);
  const memo = new Map<string, number>();
  const longestFrom = (name: string, seen: Set<string>): number => {
    const cached = memo.get(name);
    if (cached !== undefined) return cached;
    const n = byName.get(name);
    if (!n || seen.has(name)) return 0;
    seen.add(name);
    let best = n.ops.some((o) => o.calls.some((c) => c.target.type === 'dep')) ? 2 : 1;
    for (const m of next(n)) best = Math.max(best, 1 + longestFrom(m, seen));
    seen.delete(name);
    memo.set(name, best);
    return best;
  };
  let longest = 0;
  for (const e of entries) longest = Math.max(longest, longestFrom(e, new Set()));
  return { depth, longest };
}
