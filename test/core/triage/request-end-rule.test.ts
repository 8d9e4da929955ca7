import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../../../src/core/traces/analyze-trace.ts';
import { DEFAULT_RANK_OPTIONS } from '../../../src/core/triage/rank-options.ts';
import { requestEndRule } from '../../../src/core/triage/rules/request-end-rule.ts';
import { features } from '../../support/features.ts';
import { span } from '../../support/span.ts';

const ends = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('where requests end', () => {
  it('a trace knows which service each entry called last', () => {
    const root = span({ service: 'frontend', start: 0, end: 100, kind: 'server' });
    const spans = [
      root,
      span({ service: 'catalog', parentSpanId: root.spanId, start: 10, end: 20 }),
      span({ service: 'cart', parentSpanId: root.spanId, start: 30, end: 40 }),
    ];
    const facts = analyzeTrace(spans);
    expect(facts.entries.find((e) => e.service === 'frontend')?.last).toBe('cart');
    expect(facts.entries.find((e) => e.service === 'cart')?.last).toBe('');
  });

  it('requests that now stop right after one callee point at it (a wrong answer no span marks)', () => {
    const f = {
      ...features({ services: { frontend: {}, catalog: {}, cart: {}, ads: {} } }),
      requestEnds: [
        {
          service: 'frontend',
          baseline: ends({ ads: 300, cart: 100, catalog: 20 }),
          incident: ends({ catalog: 90, ads: 20, cart: 10 }),
        },
      ],
    };
    const found = requestEndRule(f, DEFAULT_RANK_OPTIONS);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ service: 'catalog', points: DEFAULT_RANK_OPTIONS.points.requestEnd });
    expect(found[0]?.text).toMatch(/75% of frontend's requests now end right after calling it \(4\.8% before\)/);
  });

  it('requests that now end before any call point at the service itself', () => {
    const f = {
      ...features({ services: { checkout: {}, payment: {} } }),
      requestEnds: [
        { service: 'checkout', baseline: ends({ payment: 200, '': 5 }), incident: ends({ '': 40, payment: 20 }) },
      ],
    };
    expect(requestEndRule(f, DEFAULT_RANK_OPTIONS)[0]).toMatchObject({ service: 'checkout' });
  });

  it('the same ends in both windows, or too few requests, say nothing', () => {
    const same = {
      ...features({ services: { frontend: {}, catalog: {} } }),
      requestEnds: [
        { service: 'frontend', baseline: ends({ catalog: 100, ads: 100 }), incident: ends({ catalog: 55, ads: 45 }) },
        { service: 'tiny', baseline: ends({ a: 5 }), incident: ends({ b: 5 }) },
      ],
    };
    expect(requestEndRule(same, DEFAULT_RANK_OPTIONS)).toEqual([]);
  });
});
