import { describe, expect, it } from 'vitest';
import type { Hypothesis } from '../../../src/core/model/hypothesis.ts';
import { assessConfidence } from '../../../src/core/triage/assess-confidence.ts';
import { calibrate } from '../../../src/core/triage/calibrate.ts';
import { summarizeTriage } from '../../../src/core/triage/summarize-triage.ts';

/** A hypothesis whose whole score comes from one rule. */
const h = (service: string, score: number, rule = 'origin-errors'): Hypothesis => ({
  id: service,
  service,
  kind: 'error_code',
  score,
  evidence: [],
  reasons: [{ rule, points: score, text: rule }],
});

describe('calibrated confidence', () => {
  it('gives a clear winner a high probability and a close race a low one, never summing above 1', () => {
    const clear = calibrate([h('a', 80), h('b', 10), h('c', 5)]);
    expect(clear[0]?.probability).toBeGreaterThan(0.8);
    const close = calibrate([h('a', 22), h('b', 21), h('c', 20)]);
    expect(close[0]?.probability).toBeLessThan(0.55);
    for (const list of [clear, close])
      expect(list.reduce((s, x) => s + (x.probability ?? 0), 0)).toBeLessThanOrEqual(1.0001);
  });

  it('abstains when the top lead is weak, saying so', () => {
    // The alert alone, and a weak step in a series: leads, not a cause.
    const weak = calibrate([h('a', 4, 'alert'), h('b', 3.5, 'series-shift')]);
    expect(assessConfidence(weak)).toBe('none');
    expect(summarizeTriage(weak, 'none')).toMatch(
      /^No confident cause \(the evidence is weak, p ≈ \d+%\); the strongest lead is/,
    );
    expect(assessConfidence(calibrate([h('a', 90), h('b', 5)]))).toBe('high');
  });

  it("trusts a score less when metrics or the alert alone carry it than when the service's own failures do", () => {
    const own = calibrate([h('a', 30, 'origin-errors'), h('b', 10, 'series-shift')]);
    const metric = calibrate([h('a', 30, 'metric-shift'), h('b', 10, 'series-shift')]);
    expect(own[0]?.probability).toBeGreaterThan((metric[0]?.probability ?? 1) + 0.1);
  });
});
