import { describe, expect, it } from 'vitest';
import { mergeRatioBuckets } from '../../../src/core/chat/merge-ratio-buckets.ts';

const step = (i: number, requests: number, errors: number) => ({ from: i * 10, to: (i + 1) * 10, requests, errors });

describe('mergeRatioBuckets', () => {
  it('one request per step, every other failing: merged to ≥ 20 requests, so the ratio sits near 50 % instead of swinging 0–100 %', () => {
    const steps = Array.from({ length: 100 }, (_, i) => step(i, 1, i % 2));
    const out = mergeRatioBuckets(steps, 20, Number.POSITIVE_INFINITY);
    expect(out).toHaveLength(5);
    for (const b of out) {
      expect(b.requests).toBeGreaterThanOrEqual(20);
      expect(b.ratio).toBeCloseTo(0.5, 5);
    }
    // Contiguous, covering every step.
    expect(out.map((b) => [b.from, b.to])).toEqual([0, 200, 400, 600, 800].map((f) => [f, f + 200]));
  });

  it('busy steps stay one point each; totals are kept', () => {
    const steps = [step(0, 50, 1), step(1, 40, 0), step(2, 100, 30)];
    const out = mergeRatioBuckets(steps, 20, Number.POSITIVE_INFINITY);
    expect(out.map((b) => b.ratio)).toEqual([0.02, 0, 0.3]);
  });

  it('never merges across the onset, and a short remainder joins the bucket before it on its side', () => {
    // 25 requests before the onset (at 30), then 19 + 5 after it.
    const steps = [step(0, 10, 0), step(1, 10, 0), step(2, 5, 0), step(3, 19, 19), step(4, 5, 5)];
    const out = mergeRatioBuckets(steps, 20, 30);
    expect(out).toEqual([
      { from: 0, to: 30, requests: 25, errors: 0, ratio: 0 },
      { from: 30, to: 50, requests: 24, errors: 24, ratio: 1 },
    ]);
  });

  it('too few requests on a side: kept, with no ratio', () => {
    const out = mergeRatioBuckets([step(0, 3, 3), step(1, 30, 0)], 20, 10);
    expect(out).toEqual([
      { from: 0, to: 10, requests: 3, errors: 3, ratio: null },
      { from: 10, to: 20, requests: 30, errors: 0, ratio: 0 },
    ]);
  });
});
