import { describe, expect, it } from 'vitest';
import { groupingAccuracy } from '../../../bench/loghub/grouping-accuracy.ts';
import { parsingAccuracy } from '../../../bench/loghub/parsing-accuracy.ts';

describe('grouping accuracy', () => {
  it('is 1 for the same partition under other labels', () => {
    expect(groupingAccuracy([7, 7, 9], ['a', 'a', 'b'])).toBe(1);
  });

  it('counts no line of a split true group', () => {
    // Truth a = {0,1,2} is split: none of its lines count; b = {3} is exact.
    expect(groupingAccuracy([1, 1, 2, 3], ['a', 'a', 'a', 'b'])).toBe(0.25);
  });

  it('counts no line of a merged predicted group', () => {
    expect(groupingAccuracy([1, 1, 1, 2], ['a', 'a', 'b', 'c'])).toBe(0.25);
  });
});

describe('parsing accuracy', () => {
  it('compares templates after squashing whitespace', () => {
    expect(parsingAccuracy(['a  <*> b', 'x <*>'], [' a <*> b', 'x y'])).toBe(0.5);
  });
});
