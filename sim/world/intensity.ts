import type { Shape } from '../model/world-model.ts';

/** 0 before `from` and from `to` on; ramps linearly to 1 over `rampMs`. */
export function intensity(shape: Shape, t: number): number {
  if (t < shape.from || t >= shape.to) return 0;
  if (shape.rampMs <= 0) return 1;
  return Math.min(1, (t - shape.from) / shape.rampMs);
}
