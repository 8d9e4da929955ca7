/** A fraction as a percentage rounded to one decimal (0.9 → 90, 0.8333 → 83.3): how gates and reports show agreement. */
export function percent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}
