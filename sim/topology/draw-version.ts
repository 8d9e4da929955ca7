import type { Rng } from '../core/rng.ts';

export type VersionStyle = 'semver' | 'date' | 'sha' | 'build';

/** Draws a release version in one of the styles organisations use, and its successor. */
export function drawVersion(rng: Rng, style: VersionStyle): { readonly current: string; readonly next: string } {
  switch (style) {
    case 'semver': {
      const major = rng.weighted([
        [0, 1],
        [1, 5],
        [2, 3],
        [3, 2],
        [4, 1],
      ]);
      const minor = rng.int(0, 48);
      const patch = rng.int(0, 12);
      const bumpMinor = rng.chance(0.4);
      return {
        current: `${major}.${minor}.${patch}`,
        next: bumpMinor ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`,
      };
    }
    case 'date': {
      const month = rng.int(1, 12);
      const day = rng.int(1, 27);
      const n = rng.int(1, 4);
      return { current: `2026.${month}.${day}-${n}`, next: `2026.${month}.${day + 1}-1` };
    }
    case 'sha':
      return { current: `sha-${rng.hex(7)}`, next: `sha-${rng.hex(7)}` };
    case 'build': {
      const b = rng.int(200, 9000);
      const minor = rng.int(0, 20);
      return { current: `1.${minor}.${b}`, next: `1.${minor}.${b + rng.int(1, 30)}` };
    }
  }
}
