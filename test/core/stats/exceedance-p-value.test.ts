import { describe, expect, it } from 'vitest';
import { exceedancePValue } from '../../../src/core/stats/exceedance-p-value.ts';

describe('exceedancePValue', () => {
  it('is a calibrated test: on samples drawn like the baseline it rejects about as often as it should', () => {
    // Deterministic pseudo-random draws from one distribution for both windows.
    let seed = 7;
    const draw = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const trial = (m: number, n: number) => {
      const b = Array.from({ length: m }, draw).sort((x, y) => x - y);
      const at = (q: number) => b[Math.min(m - 1, Math.ceil(q * m) - 1)] as number;
      const i = Array.from({ length: n }, draw);
      return exceedancePValue(i.filter((v) => v > at(0.9)).length, i.filter((v) => v > at(0.99)).length, n, m);
    };
    for (const [m, n] of [
      [101, 20],
      [101, 100],
      [6, 18],
    ] as const) {
      let rejected = 0;
      const trials = 2000;
      for (let k = 0; k < trials; k++) if (trial(m, n) <= 0.05) rejected++;
      // At most the nominal 5% (with room for sampling noise), where a naive test gave 12-26%.
      expect(rejected / trials).toBeLessThan(0.07);
    }
  });

  it('finds a few samples beyond everything the baseline saw', () => {
    expect(exceedancePValue(3, 3, 27, 91)).toBeLessThan(0.05);
    expect(exceedancePValue(0, 0, 27, 91)).toBe(1);
  });
});
