import { describe, expect, it } from 'vitest';
import { binomialTail } from '../../src/core/stats/binomial-tail.ts';

describe('binomialTail', () => {
  it('matches exact values', () => {
    expect(binomialTail(0, 5, 0.1)).toBe(1);
    expect(binomialTail(3, 3, 0.1)).toBeCloseTo(0.001, 10);
    expect(binomialTail(1, 2, 0.5)).toBeCloseTo(0.75, 10);
    expect(binomialTail(6, 5, 0.5)).toBe(0);
    expect(binomialTail(2, 10, 0.1)).toBeCloseTo(1 - 0.9 ** 10 - 10 * 0.1 * 0.9 ** 9, 10);
  });
});
