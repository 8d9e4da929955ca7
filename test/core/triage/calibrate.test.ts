import { describe, expect, it } from 'vitest';
import type { Hypothesis } from '../../../src/core/model/hypothesis.ts';
import { assessConfidence } from '../../../src/core/triage/assess-confidence.ts';
import { calibrate } from '../../../src/core/triage/calibrate.ts';
import { summarizeTriage } from '../../../src/core/triage/summarize-triage.ts';

const h = (service: string, score: number): Hypothesis => ({
  id: service,
  service,
  kind: 'error_code',
  score,
  evidence: [],
  reasons: [],
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
    const weak = calibrate([h('a', 4), h('b', 3.5)]);
    expect(assessConfidence(weak)).toBe('none');
    expect(summarizeTriage(weak, 'none')).toMatch(
      /^No confident cause \(the evidence is weak, p ≈ \d+%\); the strongest lead is/,
    );
    expect(assessConfidence(calibrate([h('a', 90), h('b', 5)]))).toBe('high');
  });
});
