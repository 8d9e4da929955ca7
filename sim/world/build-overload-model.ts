import type { Topology } from '../model/topology-model.ts';
import type { TrafficChange } from '../model/world-model.ts';
import { computeLoad, type Load } from './compute-load.ts';
import { intensity } from './intensity.ts';

export type OverloadState = {
  readonly util: number;
  readonly latMul: number;
  readonly waitMs: number;
  readonly rejectProb: number;
};

const STEP_MS = 5000;
const NONE: OverloadState = { util: 0, latMul: 1, waitMs: 0, rejectProb: 0 };

/**
 * Utilisation of every service over time from the baseline load, its capacity (baseline ×
 * headroom) and extra traffic; beyond capacity a service sheds (503), rejects from a full
 * pool, or queues (latency grows until callers time out), per its overload mode.
 */
export function buildOverloadModel(
  topology: Topology,
  entryRps: ReadonlyMap<string, number>,
  changes: readonly TrafficChange[],
  start: number,
  end: number,
): { readonly at: (service: string, t: number) => OverloadState; readonly base: Load } {
  const base = computeLoad(topology, entryRps);
  const extras = changes.map((c) => {
    let load: Load;
    if (c.client)
      load = computeLoad(topology, new Map(), { service: c.client.target, op: c.client.op, rps: c.client.rps });
    else if (c.entry && c.op)
      load = computeLoad(topology, entryRps, undefined, { service: c.entry, op: c.op, multiplier: c.multiplier });
    else {
      const m = new Map(entryRps);
      if (c.entry) m.set(c.entry, (m.get(c.entry) ?? 0) * c.multiplier);
      load = computeLoad(topology, m);
    }
    const diff = new Map<string, number>();
    for (const [k, v] of load.service) diff.set(k, Math.max(0, v - (c.client ? 0 : (base.service.get(k) ?? 0))));
    return { change: c, diff };
  });
  const steps = Math.ceil((end - start) / STEP_MS) + 2;
  const table = new Map<string, OverloadState[]>();
  for (const s of topology.services) {
    const b = base.service.get(s.name) ?? 0;
    const capacity = Math.max(b, 0.5) * s.headroom;
    const cap = s.overloadMode === 'queue' ? 15_000 : 4_000;
    const states: OverloadState[] = [];
    let backlogMs = 0;
    for (let k = 0; k < steps; k++) {
      const t = start + k * STEP_MS;
      let load = b;
      for (const e of extras) load += intensity(e.change.shape, t) * (e.diff.get(s.name) ?? 0);
      const u = load / capacity;
      backlogMs = Math.max(0, backlogMs + (u - 1) * STEP_MS);
      const waitMs = Math.min(cap, backlogMs);
      const over = u > 1 ? 1 - 1 / u : 0;
      const latMul = u <= 0.75 ? 1 : u <= 1 ? 1 + (u - 0.75) * 3 : 1.75 + (u - 1) * 2;
      states.push({
        util: u,
        latMul,
        waitMs: s.overloadMode === 'shed' ? 0 : waitMs,
        rejectProb: s.overloadMode === 'queue' ? 0 : s.overloadMode === 'shed' ? over : over * 0.9,
      });
    }
    table.set(s.name, states);
  }
  return {
    base,
    at: (service, t) => {
      const arr = table.get(service);
      if (!arr) return NONE;
      const k = Math.max(0, Math.min(arr.length - 1, Math.floor((t - start) / STEP_MS)));
      return arr[k] ?? NONE;
    },
  };
}
