import type { Rng } from '../core/rng.ts';
import type { Incarnation, Instance } from '../model/world-model.ts';

export type Route = {
  readonly pod: Instance;
  /** The process serving, or the one just killed when `dying`. */
  readonly inc: Incarnation;
  /** The pod's process was just killed and endpoints do not know yet: the connection fails. */
  readonly dying: boolean;
};

/**
 * Load balancing over ready pods at a time: uniform over pods that are serving, plus pods
 * whose process died less than `detectMs` ago (their endpoint is still listed).
 */
export function createRouter(
  pods: ReadonlyMap<string, readonly Instance[]>,
  detectMs: number,
): (service: string, t: number, rng: Rng) => Route | undefined {
  return (service, t, rng) => {
    const all = pods.get(service);
    if (!all) return undefined;
    const candidates: Route[] = [];
    for (const pod of all) {
      if (pod.start > t || pod.end <= t) continue;
      for (const inc of pod.incarnations) {
        if (inc.start <= t && inc.end > t) {
          candidates.push({ pod, inc, dying: false });
          break;
        }
        if (inc.killed && inc.end <= t && t < inc.end + detectMs) {
          candidates.push({ pod, inc, dying: true });
          break;
        }
      }
    }
    if (candidates.length === 0) return undefined;
    return candidates[Math.floor(rng.next() * candidates.length)];
  };
}
