import type { Rng } from '../core/rng.ts';

/** The next release after `current` in the same style (semver, date, sha, build number). */
export function bumpVersion(current: string, rng: Rng, back = false): string {
  const sem = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (sem) {
    const [maj, min, pat] = [Number(sem[1]), Number(sem[2]), Number(sem[3])];
    if (back)
      return pat > 0
        ? `${maj}.${min}.${pat - 1}`
        : min > 0
          ? `${maj}.${min - 1}.${rng.int(0, 6)}`
          : `${Math.max(0, maj - 1)}.${rng.int(5, 30)}.0`;
    return rng.chance(0.4) ? `${maj}.${min + 1}.0` : `${maj}.${min}.${pat + 1}`;
  }
  const date = /^2026\.(\d+)\.(\d+)-(\d+)$/.exec(current);
  if (date)
    return back ? `2026.${date[1]}.${Math.max(1, Number(date[2]) - 2)}-1` : `2026.${date[1]}.${Number(date[2]) + 1}-1`;
  if (current.startsWith('sha-')) return `sha-${rng.hex(7)}`;
  const build = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (build) return `${build[1]}.${build[2]}.${Number(build[3]) + (back ? -rng.int(1, 9) : rng.int(1, 30))}`;
  return `${current}-${rng.hex(4)}`;
}
