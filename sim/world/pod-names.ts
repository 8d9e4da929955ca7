import type { Rng } from '../core/rng.ts';

const ALNUM = 'bcdfghjklmnpqrstvwxz2456789';

/** Kubernetes-style names: a ReplicaSet hash and per-pod suffixes (`checkout-7d9f8c6b5-x2k4q`). */
export const podNames = {
  replicaSetHash: (rng: Rng): string => rng.chars(ALNUM, rng.chance(0.7) ? 10 : 9),
  pod: (rng: Rng, deployment: string, rsHash: string): string => `${deployment}-${rsHash}-${rng.chars(ALNUM, 5)}`,
  uuid: (rng: Rng): string => {
    const h = rng.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(rng.next() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  },
};
