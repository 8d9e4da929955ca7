import type { Rng } from '../core/rng.ts';
import type { Instance } from '../model/world-model.ts';
import { podNames } from './pod-names.ts';
import type { Crash, Rollout } from './rollout.ts';

/**
 * Applies rolling updates (new ReplicaSet, pods replaced one by one) and OOM kills
 * (same pod, new process) to the initial pods. Returns all pods that ever existed.
 */
export function applyRollouts(
  pods: Map<string, Instance[]>,
  rollouts: readonly Rollout[],
  crashes: readonly Crash[],
  nodes: readonly string[],
  rng: Rng,
): Map<string, Instance[]> {
  const out = new Map<string, Instance[]>();
  for (const [k, v] of pods)
    out.set(
      k,
      v.map((p) => ({ ...p, incarnations: p.incarnations.map((i) => ({ ...i })) })),
    );
  for (const r of [...rollouts].sort((a, b) => a.at - b.at)) {
    const all = out.get(r.service);
    if (!all) continue;
    const live = all.filter((p) => p.start <= r.at && p.end > r.at);
    const rs = podNames.replicaSetHash(rng);
    const deployment = live[0]?.pod.replace(/-[a-z0-9]{9,10}-[a-z0-9]{5}$/, '') ?? r.service;
    const n = r.canary ?? live.length;
    for (let i = 0; i < n; i++) {
      const ready = r.at + ((i + 1) * r.durationMs) / Math.max(1, n);
      const born = ready - rng.float(8_000, 25_000);
      all.push({
        service: r.service,
        pod: podNames.pod(rng, deployment, rs),
        node: rng.pick(nodes),
        version: r.version,
        start: ready,
        end: Number.POSITIVE_INFINITY,
        incarnations: [{ id: podNames.uuid(rng), start: born, end: Number.POSITIVE_INFINITY, killed: false }],
      });
      if (r.canary === undefined) {
        const old = live[i];
        if (old) {
          const idx = all.indexOf(old);
          const stop = ready + rng.float(500, 3000);
          all[idx] = {
            ...old,
            end: stop,
            incarnations: old.incarnations.map((inc) =>
              inc.end > stop ? { ...inc, end: stop + rng.float(1000, 5000) } : inc,
            ),
          };
        }
      }
    }
  }
  for (const c of [...crashes].sort((a, b) => a.at - b.at)) {
    const pod = out.get(c.service)?.find((p) => p.pod === c.pod);
    if (!pod) continue;
    const cur = pod.incarnations.find((i) => i.start <= c.at && i.end > c.at);
    if (!cur) continue;
    const prevEnd = cur.end;
    cur.end = c.at;
    cur.killed = true;
    pod.incarnations.push({ id: podNames.uuid(rng), start: c.at + c.downMs, end: prevEnd, killed: false });
  }
  return out;
}
