import { hashString } from './hash-string.ts';

/** A seeded pseudo-random source (sfc32). Every random choice in the simulator goes through one. */
export type Rng = {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  /** Uniform float in [min, max). */
  readonly float: (min: number, max: number) => number;
  /** Uniform integer in [min, max] (inclusive). */
  readonly int: (min: number, max: number) => number;
  readonly chance: (p: number) => boolean;
  readonly pick: <T>(items: readonly T[]) => T;
  readonly weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  readonly shuffle: <T>(items: readonly T[]) => T[];
  /** Standard normal (Box-Muller). */
  readonly normal: () => number;
  /** Lognormal with the given median and shape sigma. */
  readonly lognormal: (median: number, sigma: number) => number;
  /** Exponential with the given mean. */
  readonly exp: (mean: number) => number;
  /** Lowercase hex string of `chars` characters, never all zeros. */
  readonly hex: (chars: number) => string;
  /** Characters drawn from an alphabet. */
  readonly chars: (alphabet: string, count: number) => string;
  /** An independent stream derived from this one's seed and a label (does not advance this stream). */
  readonly fork: (label: string) => Rng;
  readonly seed: number;
};

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  let b = hashString('b', seed);
  let c = hashString('c', seed);
  let d = 1;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  const normal = (): number => {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const hex = (chars: number): string => {
    let out = '';
    while (out.length < chars)
      out += Math.floor(next() * 4294967296)
        .toString(16)
        .padStart(8, '0');
    out = out.slice(0, chars);
    return /^0+$/.test(out) ? `${out.slice(0, -1)}1` : out;
  };
  return {
    next,
    float: (min, max) => min + next() * (max - min),
    int,
    chance: (p) => next() < p,
    pick,
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted pick from empty list');
      return last[0];
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    normal,
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    exp: (mean) => -mean * Math.log(1 - next()),
    hex,
    chars: (alphabet, count) => {
      let out = '';
      for (let i = 0; i < count; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
    fork: (label) => createRng(hashString(label, seed)),
    seed,
  };
}
