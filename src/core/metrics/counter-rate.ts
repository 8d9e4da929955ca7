/** Per-second rate of a counter between consecutive samples (stamped at the later one); a drop is a reset. */
export function counterRate(
  times: readonly number[],
  values: readonly number[],
): { times: number[]; values: number[] } {
  const t: number[] = [];
  const v: number[] = [];
  for (let k = 1; k < times.length; k++) {
    const dt = ((times[k] as number) - (times[k - 1] as number)) / 1000;
    const a = values[k - 1] as number;
    const c = values[k] as number;
    if (!(dt > 0) || !Number.isFinite(a) || !Number.isFinite(c)) continue;
    t.push(times[k] as number);
    v.push((c >= a ? c - a : c) / dt);
  }
  return { times: t, values: v };
}
