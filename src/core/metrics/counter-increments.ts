/**
 * A counter's increase between consecutive finite samples (a drop is a reset: the new value is
 * the increase), stamped at the later sample, with the seconds between the two.
 */
export function counterIncrements(
  times: readonly number[],
  values: readonly number[],
): { times: number[]; increments: number[]; seconds: number[] } {
  const t: number[] = [];
  const inc: number[] = [];
  const sec: number[] = [];
  for (let k = 1; k < times.length; k++) {
    const dt = ((times[k] as number) - (times[k - 1] as number)) / 1000;
    const a = values[k - 1] as number;
    const c = values[k] as number;
    if (!(dt > 0) || !Number.isFinite(a) || !Number.isFinite(c)) continue;
    t.push(times[k] as number);
    inc.push(c >= a ? c - a : c);
    sec.push(dt);
  }
  return { times: t, increments: inc, seconds: sec };
}
