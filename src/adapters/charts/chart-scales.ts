/** A round axis maximum at or above `v` (1, 2, 2.5, 5 × a power of ten). */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

const TICK_STEPS_MS = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map((s) => s * 1000);

/** Round UTC times in [from, to] for the time axis, at most `max` of them. */
export function timeTicks(from: number, to: number, max: number): number[] {
  const span = Math.max(1, to - from);
  const step = TICK_STEPS_MS.find((s) => span / s <= max) ?? span;
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
  return out;
}
