import { describe, expect, it } from 'vitest';
import { rankSeenBefore } from '../../../src/core/seen-before/rank-seen-before.ts';
import { weightedJaccard } from '../../../src/core/seen-before/weighted-jaccard.ts';

const fp = (...features: [string, number][]) => ({ features });

describe('weighted Jaccard similarity of fingerprints', () => {
  it('is Σ min / Σ max over the union of features', () => {
    expect(weightedJaccard(fp(['a', 4], ['b', 1]), fp(['a', 4], ['c', 1]))).toBeCloseTo(4 / 6);
    expect(weightedJaccard(fp(['a', 2]), fp(['a', 1]))).toBeCloseTo(0.5);
    expect(weightedJaccard(fp(['a', 1]), fp(['b', 1]))).toBe(0);
    expect(weightedJaccard(fp(), fp())).toBe(0);
    expect(weightedJaccard(fp(['a', 1], ['b', 2]), fp(['b', 2], ['a', 1]))).toBe(1);
  });

  it('ranks candidates best first, keeps those at the threshold, lists the shared features heaviest first', () => {
    const q = fp(['root:x/deploy', 4], ['svc:x', 1], ['tpl:x:boom', 2]);
    const ranked = rankSeenBefore(
      q,
      [
        { fingerprint: fp(['svc:x', 1], ['svc:y', 1]), about: 'weak' },
        { fingerprint: fp(['root:x/deploy', 4], ['svc:x', 1], ['tpl:x:boom', 2]), about: 'same' },
        { fingerprint: fp(['svc:z', 1]), about: 'none' },
      ],
      { min: 0.25, limit: 3 },
    );
    expect(ranked.map((r) => r.about)).toEqual(['same']);
    expect(ranked[0]?.shared).toEqual(['root:x/deploy', 'tpl:x:boom', 'svc:x']);
  });
});
