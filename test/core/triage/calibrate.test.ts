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

  it('reads which kind of evidence carries a score, as fitted (the same score, alone, other probabilities)', () => {
    // The fitted weights of the shares (BENCHMARKS.md) decide which way; that they are read at all
    // is the behaviour: a score carried by metrics, by the alert alone, or by the service's own
    // failures is not trusted the same.
    const p = (rule: string) => calibrate([h('a', 12, rule)])[0]?.probability ?? 0;
    const weak = p('series-shift');
    expect(Math.abs(p('origin-errors') - weak)).toBeGreaterThan(0.05);
    expect(Math.abs(p('metric-shift') - weak)).toBeGreaterThan(0.05);
    expect(Math.abs(p('alert') - weak)).toBeGreaterThan(0.05);
  });
});
