import { describe, expect, it } from 'vitest';
import { plural } from '../../src/core/formats/plural.ts';

describe('plural', () => {
  it('writes a count with its noun, singular only for exactly 1', () => {
    expect([0, 1, 2, 21].map((n) => plural(n, 'record'))).toEqual(['0 records', '1 record', '2 records', '21 records']);
    expect(plural(1, 'series', 'series')).toBe('1 series');
    expect(plural(3, 'hypothesis', 'hypotheses')).toBe('3 hypotheses');
  });
});
