import { counterIncrements } from './counter-increments.ts';

/** Per-second rate of a counter between consecutive samples (stamped at the later one); a drop is a reset. */
export function counterRate(
  times: readonly number[],
  values: readonly number[],
): { times: number[]; values: number[] } {
  const d = counterIncrements(times, values);
  return { times: d.times, values: d.increments.map((n, k) => n / (d.seconds[k] as number)) };
}
