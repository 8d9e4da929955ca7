import { describe, expect, it } from 'vitest';
import type { LogPatternStats } from '../../../src/core/telemetry/log-pattern-stats.ts';
import { DEFAULT_RANK_OPTIONS } from '../../../src/core/triage/rank-options.ts';
import { blameChainRule } from '../../../src/core/triage/rules/blame-chain-rule.ts';
import { clientFaultRule } from '../../../src/core/triage/rules/client-fault-rule.ts';
import { errorLogsRule } from '../../../src/core/triage/rules/error-logs-rule.ts';
import { logPatternsRule } from '../../../src/core/triage/rules/log-patterns-rule.ts';
import { logSignals } from '../../../src/core/triage/rules/log-signals.ts';
import { unreachableRule } from '../../../src/core/triage/rules/unreachable-rule.ts';
import { features } from '../../support/features.ts';

let id = 0;
const pat = (
  service: string,
  example: string,
  incident = 40,
  level: LogPatternStats['level'] = 'error',
): LogPatternStats => ({
  service,
  templateId: ++id,
  template: example,
  level,
  baseline: 0,
  incident,
  example,
  exampleTraceId: undefined,
  errorType: undefined,
});

const services = (...names: string[]) =>
  Object.fromEntries(names.map((n) => [n, { b: { logs: 1000 }, i: { logs: 300 } }]));

describe('log signals', () => {
  it('marks a line that repeats another service’s own new error text as an echo of it', () => {
    const f = features({
      services: services('rider-api', 'eta'),
      patterns: [
        pat('eta', 'error handling Estimate: runtime error: invalid memory address or nil pointer dereference'),
        pat(
          'rider-api',
          'rpc error: code = Unknown desc = runtime error: invalid memory address or nil pointer dereference',
        ),
      ],
    });
    const sig = logSignals(f);
    expect(sig.get('rider-api')?.novel[0]?.echoes).toEqual(['eta']);
    expect(sig.get('eta')?.novel[0]?.echoes).toEqual([]);
    // the echo weighs less than the original
    expect(sig.get('rider-api')?.novel[0]?.weight).toBeLessThan(sig.get('eta')?.novel[0]?.weight ?? 0);
  });

  it('discounts lines that say they pass a failure on, and the rest of a relaying service’s errors', () => {
    const f = features({
      services: services('gateway', 'orders'),
      patterns: [
        pat('gateway', 'error handling request: circuit breaker is open'),
        pat('gateway', 'Call to orders failed', 40),
        pat('gateway', 'Exception on /api [GET]', 20),
        pat('orders', 'NullPointerException in PriceCalculator.total', 40),
      ],
    });
    const sig = logSignals(f);
    const gw = sig.get('gateway')?.novel ?? [];
    const own = gw.find((n) => n.pattern.template.startsWith('Exception'));
    expect(own?.weight).toBeLessThan(own?.excess ?? 0);
    expect(sig.get('gateway')?.mentionShare).toBeGreaterThan(0.5);
    expect(sig.get('orders')?.novel[0]?.weight).toBeCloseTo(sig.get('orders')?.novel[0]?.excess ?? -1);
  });
});

describe('log-patterns rule', () => {
  it('a service whose new lines only relay another’s failure does not own all the log-pattern points', () => {
    const points = (...patterns: LogPatternStats[]) =>
      logPatternsRule(
        DEFAULT_RANK_OPTIONS,
        logSignals(features({ services: services('gateway', 'orders'), patterns })),
      );
    const relayOnly = points(pat('gateway', 'Call to orders failed', 200));
    const ownOnly = points(pat('gateway', 'NullPointerException in RequestRouter.route', 200));
    const relayed = relayOnly.find((x) => x.service === 'gateway')?.points ?? 0;
    const own = ownOnly.find((x) => x.service === 'gateway')?.points ?? 0;
    expect(own).toBeGreaterThan(DEFAULT_RANK_OPTIONS.points.logPatterns * 0.9);
    expect(relayed).toBeLessThan(own * 0.5);
  });
});

describe('error-logs rule', () => {
  it('a service whose new error logs belong to failures that started elsewhere does not own all the points', () => {
    const points = (propagatedErrorLogs: number) =>
      errorLogsRule(
        features({
          services: {
            gateway: {
              b: { logs: 1000, errorLogs: 0 },
              i: { logs: 300, errorLogs: 200, attributedErrorLogs: 200, propagatedErrorLogs },
            },
          },
        }),
        DEFAULT_RANK_OPTIONS,
        new Map(),
      ).find((x) => x.service === 'gateway')?.points ?? 0;
    expect(points(0)).toBeGreaterThan(DEFAULT_RANK_OPTIONS.points.errorLogs * 0.9);
    expect(points(180)).toBeLessThan(points(0) * 0.2);
  });
});

describe('blame-chain rule', () => {
  it('gives the points to the end of the chain, not to the relay in the middle', () => {
    const f = features({
      services: services('web', 'mobile', 'catalog', 'pricing'),
      patterns: [
        pat('web', 'request to catalog failed: 500'),
        pat('mobile', 'catalog call failed after 3 retries'),
        pat('catalog', 'upstream pricing returned 503'),
        pat('pricing', 'ArithmeticException: / by zero in DiscountRule'),
      ],
    });
    const found = blameChainRule(DEFAULT_RANK_OPTIONS, logSignals(f));
    const by = Object.fromEntries(found.map((x) => [x.service, x.points]));
    expect(by.pricing ?? 0).toBeGreaterThan(by.catalog ?? 0);
    expect(found.find((x) => x.service === 'pricing')?.text).toMatch(
      /named as the failing party in 40 new error lines of catalog/,
    );
  });
});

describe('unreachable rule', () => {
  it('points at a target several services say they cannot reach', () => {
    const f = features({
      services: { ...services('loyalty-api', 'orders'), 'loyalty-db': { role: 'dependency' } },
      patterns: [
        pat('loyalty-api', 'loyalty-db request failed: connect ECONNREFUSED 10.45.247.159:5432'),
        pat('orders', 'Connection to loyalty-db.default.svc.cluster.local:5432 refused'),
      ],
    });
    const found = unreachableRule(f, DEFAULT_RANK_OPTIONS, logSignals(f));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ service: 'loyalty-db', points: DEFAULT_RANK_OPTIONS.points.unreachable });
  });

  it('names the callee whose calls fail when the line names no target', () => {
    const f = features({
      services: { ...services('identity'), 'auth-redis': { role: 'dependency' } },
      edges: [
        {
          from: 'identity',
          to: 'auth-redis',
          baseline: { calls: 100, errors: 0, totalMs: 0 },
          incident: { calls: 40, errors: 38, totalMs: 0 },
        },
      ],
      patterns: [pat('identity', 'error handling Verify: dial tcp 10.0.0.7:6379: connect: connection refused')],
    });
    expect(unreachableRule(f, DEFAULT_RANK_OPTIONS, logSignals(f)).map((x) => x.service)).toEqual(['auth-redis']);
  });
});

describe('client-fault rule', () => {
  it('blames the service that was turned away, not the dependency, nor a relay of it', () => {
    const f = features({
      services: { ...services('watch-history', 'gateway'), 'history-db': { role: 'dependency' } },
      patterns: [
        pat(
          'watch-history',
          'db: FATAL: password authentication failed for user "app" at history-db.internal (SQLSTATE 28P01)',
        ),
        pat('gateway', 'Ignoring error from watch-history: UNKNOWN: FATAL: password authentication failed'),
      ],
    });
    const found = clientFaultRule(DEFAULT_RANK_OPTIONS, logSignals(f));
    expect(found.map((x) => x.service)).toEqual(['watch-history']);
  });
});
