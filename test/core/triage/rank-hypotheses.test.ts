import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/core/model/alert.ts';
import type { LogPatternStats } from '../../../src/core/telemetry/log-pattern-stats.ts';
import { rankHypotheses } from '../../../src/core/triage/rank-hypotheses.ts';
import { DEFAULT_RANK_OPTIONS } from '../../../src/core/triage/rank-options.ts';
import { selfLatencyRule } from '../../../src/core/triage/rules/self-latency-rule.ts';
import { seriesShiftRule } from '../../../src/core/triage/rules/series-shift-rule.ts';
import { AS_OF, change, dist, edge, features, ONSET, pattern } from '../../support/features.ts';

const alert: Alert = {
  fingerprint: 'f1',
  name: 'HighErrorRate',
  status: 'firing',
  service: 'frontend',
  labels: { alertname: 'HighErrorRate', service: 'frontend' },
  annotations: {},
  startsAt: AS_OF,
  endsAt: undefined,
  generatorUrl: undefined,
  source: 'alertmanager',
};

// 30 min baseline vs 6 min incident: a baseline count of 5 "expects" 1 in the incident.
const quiet = { requests: 3000, traces: 3000, originErrors: 5, failingTraces: 5, selfTime: dist(20, 3000) };

type Stats = NonNullable<NonNullable<Parameters<typeof features>[0]['services']>[string]['b']>;
/** What the self-latency rule finds for one service with these baseline and incident stats. */
const selfLatencyOf = (b: Stats, i: Stats) =>
  selfLatencyRule(features({ services: { svc: { b, i } } }), DEFAULT_RANK_OPTIONS)[0];

describe('rankHypotheses', () => {
  it('ranks the origin of new failures above the services they propagate through, and blames its fitting deploy', () => {
    const f = features({
      services: {
        frontend: {
          b: quiet,
          i: { requests: 600, traces: 600, originErrors: 2, failingTraces: 200, selfTime: dist(20, 600) },
        },
        checkout: {
          b: quiet,
          i: { requests: 600, traces: 600, originErrors: 1, failingTraces: 198, selfTime: dist(20, 600) },
        },
        payment: {
          b: quiet,
          i: { requests: 600, traces: 600, originErrors: 197, failingTraces: 197, selfTime: dist(20, 600) },
        },
        cart: {
          b: quiet,
          i: { requests: 600, traces: 600, originErrors: 1, failingTraces: 1, selfTime: dist(20, 600) },
        },
      },
      changes: [
        change({ id: 'deploy-payment-7', service: 'payment' }),
        change({ id: 'deploy-cart-3', service: 'cart' }),
      ],
    });
    const h = rankHypotheses(f, [alert]);
    expect(h[0]).toMatchObject({ id: 'h1', service: 'payment', kind: 'deploy', changeId: 'deploy-payment-7' });
    expect(h[0]?.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['origin-errors', 'change']));
    // The unrelated deploy on a quiet service is listed as a refuted suspect, not blamed.
    const cart = h.find((x) => x.service === 'cart');
    expect(cart?.evidence.find((e) => e.id === 'changes:deploy-cart-3')?.stance).toBe('refutes');
    expect(cart === undefined || cart.score < 5).toBe(true);
    // The symptom carries refuting evidence: its failures start elsewhere.
    const fe = h.find((x) => x.service === 'frontend');
    expect(fe?.evidence.some((e) => e.kind === 'propagated-errors' && e.stance === 'refutes')).toBe(true);
  });

  it('is deterministic', () => {
    const mk = () =>
      features({
        services: {
          a: { b: quiet, i: { requests: 600, originErrors: 50, selfTime: dist(20, 600) } },
          b: { b: quiet, i: { requests: 600, originErrors: 50, selfTime: dist(20, 600) } },
        },
      });
    expect(rankHypotheses(mk(), [alert])).toEqual(rankHypotheses(mk(), [alert]));
    // equal scores break ties by name
    expect(rankHypotheses(mk(), [alert]).map((x) => x.service)).toEqual(['a', 'b', 'frontend']);
  });

  it('localises latency by self time: a slow leaf, not its waiting callers', () => {
    const f = features({
      services: {
        frontend: { b: quiet, i: { requests: 600, traces: 600, selfTime: dist(21, 600) } },
        search: { b: quiet, i: { requests: 600, traces: 600, selfTime: dist(180, 600), selfTimeOverBaselineP90: 590 } },
      },
    });
    const h = rankHypotheses(f, [alert]);
    expect(h[0]).toMatchObject({ service: 'search', kind: 'latency' });
  });

  it('names a failing uninstrumented dependency as dependency_down', () => {
    const f = features({
      services: {
        frontend: { b: quiet, i: { requests: 600, originErrors: 40, failingTraces: 150 } },
        'redis-cache': {
          role: 'dependency',
          b: { requests: 3000, originErrors: 0 },
          i: { requests: 600, originErrors: 110 },
        },
      },
    });
    expect(rankHypotheses(f, [alert])[0]).toMatchObject({ service: 'redis-cache', kind: 'dependency_down' });
  });

  it('finds where a surge arrives: a rise its callers do not explain', () => {
    const f = features({
      services: {
        frontend: { b: { ...quiet, requests: 3000 }, i: { requests: 600, selfTime: dist(20, 600) } },
        search: { b: { ...quiet, requests: 3000 }, i: { requests: 2400, originErrors: 60, selfTime: dist(60, 2400) } },
      },
      edges: [
        {
          from: 'frontend',
          to: 'search',
          baseline: { calls: 3000, errors: 0, totalMs: 0 },
          incident: { calls: 600, errors: 40, totalMs: 0 },
        },
      ],
    });
    const h = rankHypotheses(f, [alert]);
    expect(h[0]).toMatchObject({ service: 'search', kind: 'traffic_surge' });
  });

  it('a service that slows down while load rose at its caller (which copes) buckles under a surge', () => {
    const slowBackend = (gatewayInfoLines: number) =>
      features({
        services: {
          gateway: {
            b: { ...quiet, logs: 3000 },
            i: { requests: 600, traces: 600, selfTime: dist(20, 600), logs: gatewayInfoLines },
          },
          backend: {
            b: quiet,
            i: { requests: 600, traces: 600, selfTime: dist(900, 600), selfTimeOverBaselineP90: 580 },
          },
        },
        edges: [edge('gateway', 'backend', { calls: 3000, totalMs: 60_000 }, { calls: 600, totalMs: 540_000 })],
      });
    // 3000 lines in 30 min is 100/min; 3000 in the 6-min incident window is ×5.
    const surge = rankHypotheses(slowBackend(3000), [alert]);
    expect(surge[0]).toMatchObject({ service: 'backend', kind: 'traffic_surge' });
    expect(surge[0]?.reasons.at(-1)?.text).toMatch(/load rose ×5\.\d at gateway/);
    // The same slowness with steady load next door is its own latency.
    expect(rankHypotheses(slowBackend(600), [alert])[0]).toMatchObject({ service: 'backend', kind: 'latency' });
  });

  it("a rollout's own start-up and shutdown lines do not make its deploy fit the incident", () => {
    const rollout = (extra: LogPatternStats[]) =>
      rankHypotheses(
        features({
          services: { search: { b: { ...quiet, logs: 3000 }, i: { requests: 600, traces: 600, logs: 600 } } },
          patterns: [
            pattern('search', 'received signal, draining connections', 12, 'info'),
            pattern('search', 'starting search-api', 9, 'info'),
            ...extra,
          ],
          changes: [change({ id: 'deploy-search-9', service: 'search', startedAt: ONSET - 60_000, finishedAt: ONSET })],
        }),
        [alert],
      ).find((h) => h.service === 'search');
    const quietRollout = rollout([]);
    expect(quietRollout?.kind).not.toBe('deploy');
    expect(quietRollout?.reasons.find((r) => r.rule === 'change')?.text).toMatch(/no anomaly of its own/);
    // New errors of its own after the rollout do make it fit.
    const failing = rollout([pattern('search', 'TypeError: cannot read properties of undefined', 200)]);
    expect(failing).toMatchObject({ kind: 'deploy', changeId: 'deploy-search-9' });
  });

  it('a timeout line that names no one is about the callee that became slow, and about no one when the callee is healthy', () => {
    const timeouts = (dbSelfMs: number) =>
      rankHypotheses(
        features({
          services: {
            api: {
              b: { ...quiet, logs: 3000, errorLogs: 0 },
              i: { requests: 600, traces: 600, selfTime: dist(20, 600), logs: 900, errorLogs: 300 },
            },
            db: {
              role: 'dependency',
              b: { requests: 3000, traces: 3000, selfTime: dist(3, 3000) },
              i: {
                requests: 600,
                traces: 600,
                selfTime: dist(dbSelfMs, 600),
                selfTimeOverBaselineP90: dbSelfMs > 10 ? 600 : 0,
              },
            },
          },
          edges: [edge('api', 'db', { calls: 3000, totalMs: 9000 }, { calls: 600, totalMs: 600 * dbSelfMs })],
          patterns: [pattern('api', 'Error: Query read timeout', 300)],
        }),
        [alert],
      );
    const slowDb = timeouts(2000);
    expect(slowDb[0]?.service).toBe('db');
    expect(slowDb.find((h) => h.service === 'db')?.reasons.map((r) => r.rule)).toContain('blame-chain');
    // The database answers as fast as ever: the timeouts are the api's own (a timeout set too low).
    const healthyDb = timeouts(3);
    expect(healthyDb[0]?.service).toBe('api');
    expect(healthyDb.find((h) => h.service === 'db')?.reasons.map((r) => r.rule) ?? []).not.toContain('blame-chain');
  });

  it("one caller's calls rising far above the other callers' is load that overwhelms a callee that slows down", () => {
    // 30-min baseline, 6-min incident: "report" goes from 6 to 40 successful calls (×33), "web" calls as before.
    const surge = (productsSelfMs: number, originErrors: number, texts: string[] = []) =>
      rankHypotheses(
        features({
          services: {
            report: { b: quiet, i: { requests: 60, traces: 60, selfTime: dist(20, 60) } },
            web: { b: quiet, i: { requests: 600, traces: 600, selfTime: dist(20, 600) } },
            products: {
              texts,
              b: quiet,
              i: {
                requests: 160,
                traces: 160,
                originErrors,
                failingTraces: originErrors,
                selfTime: dist(productsSelfMs, 160),
                selfTimeOverBaselineP90: productsSelfMs > 100 ? 150 : 0,
              },
            },
          },
          edges: [
            edge('report', 'products', { calls: 6, totalMs: 120 }, { calls: 40, totalMs: 40 * productsSelfMs }),
            edge('web', 'products', { calls: 3000, totalMs: 60_000 }, { calls: 600, totalMs: 600 * productsSelfMs }),
          ],
        }),
        [alert],
      ).find((h) => h.service === 'products');
    const slow = surge(900, 0);
    expect(slow).toMatchObject({ kind: 'traffic_surge' });
    expect(slow?.evidence.find((e) => e.kind === 'client-surge')?.data).toMatchObject({ client: 'report' });
    // What ran out under the load is the effect; the surge is the cause.
    expect(surge(900, 40, ['Maximum number of threads (200) created for connector; thread pool exhausted'])?.kind).toBe(
      'traffic_surge',
    );
    // Failing but not slower: a bug the new calls hit, not an overload.
    const failing = surge(20, 120);
    expect(failing?.kind).toBe('error_code');
    expect(failing?.evidence.some((e) => e.kind === 'client-surge')).toBe(false);
  });

  it('names the operation that holds most of the added self time', () => {
    const f = features({
      services: {
        calendar: {
          b: quiet,
          i: { requests: 600, traces: 600, selfTime: dist(450, 600), selfTimeOverBaselineP90: 300 },
        },
      },
    });
    const ops = [
      { service: 'calendar', operation: 'POST /v1/calendars', baseline: dist(20, 1500), incident: dist(880, 300) },
      { service: 'calendar', operation: 'GET /v1/calendars', baseline: dist(20, 1500), incident: dist(21, 300) },
    ];
    const finding = selfLatencyRule({ ...f, operations: ops }, DEFAULT_RANK_OPTIONS)[0];
    expect(finding?.text).toMatch(/most of it in POST \/v1\/calendars \(20 → 880 ms\)/);
    expect(finding?.evidence[0]?.data).toMatchObject({ operation: 'POST /v1/calendars' });
    // Spread evenly over its operations: none is named.
    const even = ops.map((o) => ({ ...o, incident: dist(450, 300) }));
    expect(selfLatencyRule({ ...f, operations: even }, DEFAULT_RANK_OPTIONS)[0]?.text).not.toMatch(/most of it/);
  });

  it('finds one operation clearly slower even when the service mean hides it', () => {
    // 600 requests: 570 fast ones as before, 30 of one operation ×12: the mean rises only ×1.5-ish.
    const f = features({
      services: {
        calendar: { b: quiet, i: { requests: 600, traces: 600, selfTime: dist(29, 600), selfTimeOverBaselineP90: 30 } },
      },
    });
    const ops = [
      { service: 'calendar', operation: 'POST /v1/calendars', baseline: dist(20, 150), incident: dist(240, 30) },
      { service: 'calendar', operation: 'GET /v1/calendars', baseline: dist(20, 2850), incident: dist(20, 570) },
    ];
    expect(selfLatencyRule(f, DEFAULT_RANK_OPTIONS)).toHaveLength(0);
    const found = selfLatencyRule({ ...f, operations: ops }, DEFAULT_RANK_OPTIONS)[0];
    expect(found?.service).toBe('calendar');
    expect(found?.points).toBeGreaterThan(5);
    expect(found?.text).toMatch(/most of it in POST \/v1\/calendars/);
  });

  it('a few traces a few ms slower do not weigh like hundreds of slow requests', () => {
    const slower = (n: number, ms: number) =>
      selfLatencyRule(
        features({
          services: {
            search: {
              b: quiet,
              i: { requests: n, traces: n, selfTime: dist(20 + ms, n), selfTimeOverBaselineP90: n },
            },
          },
        }),
        DEFAULT_RANK_OPTIONS,
      )[0]?.points ?? 0;
    expect(slower(300, 500)).toBeGreaterThan(DEFAULT_RANK_OPTIONS.points.selfLatency * 0.95);
    expect(slower(3, 10)).toBeLessThan(DEFAULT_RANK_OPTIONS.points.selfLatency * 0.1);
  });

  it('says when a slowdown was spent outside the spans on calls to and from the service (its network)', () => {
    const slow = (gapMs: number) =>
      selfLatencyOf(quiet, {
        requests: 600,
        traces: 600,
        selfTime: dist(200, 600),
        selfTimeOverBaselineP90: 590,
        selfTimeFromGaps: gapMs,
      });
    expect(slow(600 * 160)?.text).toMatch(/80% of its time in the incident was spent outside the spans .*network/);
    expect(slow(600 * 160)?.evidence[0]?.data).toMatchObject({ gapShare: 0.8 });
    expect(slow(0)?.text).not.toMatch(/network/);
  });

  it('a minute of baseline is enough to see a clear slowdown, and its few samples are not over-trusted', () => {
    // 6 baseline traces (a minute of tail-sampled traffic), 18 in the incident.
    const slow = (over: number) =>
      selfLatencyOf(
        { requests: 6, traces: 6, selfTime: dist(20, 6) },
        {
          requests: 18,
          traces: 18,
          selfTime: dist(120, 18),
          selfTimeOverBaselineP90: over,
          selfTimeOverBaselineP99: over,
        },
      )?.points ?? 0;
    expect(slow(18)).toBeGreaterThan(5);
    // 5 of 18 beyond a 6-sample baseline's top happens by chance far more often than 1 in 10
    // per sample would say (the top of 6 is itself low by chance): not surprising enough.
    expect(slow(5)).toBe(0);
  });

  it('a sparse dependency with two baseline traces: enough incident traces above both count, a few do not', () => {
    const slow = (n: number) =>
      selfLatencyOf(
        { requests: 2, traces: 2, selfTime: dist(30, 2) },
        { requests: n, traces: n, selfTime: dist(500, n), selfTimeOverBaselineP90: n, selfTimeOverBaselineP99: n },
      )?.points ?? 0;
    expect(slow(20)).toBeGreaterThan(5);
    // Three of three above the top of two happens one time in ten by chance.
    expect(slow(3)).toBe(0);
  });

  it('a few long stalls beyond anything the baseline saw count, though few cross its p90', () => {
    // GC pauses: 3 of 27 requests stall far beyond the baseline's slowest of 91; the mean rises ×12.
    const stalls = (overP99: number) =>
      selfLatencyOf(
        { requests: 91, traces: 91, selfTime: dist(6, 91) },
        {
          requests: 27,
          traces: 27,
          selfTime: dist(79, 27),
          selfTimeOverBaselineP90: 3,
          selfTimeOverBaselineP99: overP99,
        },
      )?.points ?? 0;
    expect(stalls(3)).toBeGreaterThan(2);
    // The same three above the p90 but not beyond the baseline's maximum: ordinary chance.
    expect(stalls(0)).toBe(0);
  });

  it("a caller's latency step that its callee shows too is mostly inherited", () => {
    const base = features({
      services: { api: {}, db: { role: 'dependency' }, other: {} },
      edges: [edge('api', 'db', { calls: 100, totalMs: 100 }, { calls: 20, totalMs: 2000 })],
    });
    const shifts = (dbT: number) =>
      seriesShiftRule(
        {
          ...base,
          windows: {
            ...base.windows,
            shifts: [
              { service: 'api', metric: 'latency', t: 11 },
              { service: 'db', metric: 'latency', t: dbT },
              { service: 'other', metric: 'latency', t: 11 },
            ],
          },
        },
        DEFAULT_RANK_OPTIONS,
      );
    const points = (fs: ReturnType<typeof shifts>, svc: string) => fs.find((x) => x.service === svc)?.points ?? 0;
    const withSlowDb = shifts(12);
    expect(points(withSlowDb, 'api')).toBeLessThan(points(withSlowDb, 'other') * 0.5);
    // The callee barely moved: the caller's step is its own.
    const withCalmDb = shifts(2);
    expect(points(withCalmDb, 'api')).toBeCloseTo(points(withCalmDb, 'other'));
  });

  it('the root of a chain of inherited latency steps keeps most of the points', () => {
    const base = features({
      services: { web: {}, api: {}, db: { role: 'dependency' } },
      edges: [edge('web', 'api', { calls: 100 }, { calls: 20 }), edge('api', 'db', { calls: 100 }, { calls: 20 })],
    });
    const found = seriesShiftRule(
      {
        ...base,
        windows: {
          ...base.windows,
          shifts: (['web', 'api', 'db'] as const).map((service) => ({ service, metric: 'latency' as const, t: 10 })),
        },
      },
      DEFAULT_RANK_OPTIONS,
    );
    const db = found.find((x) => x.service === 'db')?.points ?? 0;
    expect(db).toBeGreaterThan(0.6 * DEFAULT_RANK_OPTIONS.points.seriesShift);
  });

  it('an error step whose new error lines mostly name another service is inherited, and its points go to no one', () => {
    // bff → payment (untraced) → fx (silent): payment's errors stepped up, and its new lines say "failed to call fx".
    const base = features({
      services: { bff: {}, payment: {} },
      edges: [edge('bff', 'payment', { calls: 50, errors: 1 }, { calls: 10, errors: 8 })],
    });
    const withShifts = {
      ...base,
      windows: {
        ...base.windows,
        shifts: [
          { service: 'bff', metric: 'errors' as const, t: 6 },
          { service: 'payment', metric: 'errors' as const, t: 4.5 },
        ],
      },
    };
    const signals = (mentionShare: number) =>
      new Map([['payment', { novel: [], mentionShare, lifecycleShare: 0, resourceWeight: 0, connectionWeight: 0 }]]);
    const payment = (mentionShare: number) =>
      seriesShiftRule(withShifts, DEFAULT_RANK_OPTIONS, signals(mentionShare)).find((x) => x.service === 'payment')
        ?.points ?? 0;
    const max = DEFAULT_RANK_OPTIONS.points.seriesShift;
    // Its own errors: bff's step is inherited from it; payment keeps the larger part.
    expect(payment(0)).toBeGreaterThan(0.4 * max);
    // Relayed errors: its step is inherited too, and what is taken off it goes to no one.
    expect(payment(0.9)).toBeLessThan(0.25 * max);
    expect(payment(0)).toBeGreaterThan(3 * payment(0.9));
  });

  it('reads resource exhaustion from what its own failing spans say, where it logs nothing', () => {
    const failing = (texts: string[]) =>
      features({
        services: {
          pdf: { b: quiet, i: { requests: 600, traces: 600, originErrors: 90, failingTraces: 90 }, texts },
        },
      });
    expect(rankHypotheses(failing(['java.io.IOException: No space left on device']), [alert])[0]).toMatchObject({
      service: 'pdf',
      kind: 'resource_exhaustion',
    });
    expect(rankHypotheses(failing(['redis: Timeout waiting for idle object (pool)']), [alert])[0]?.kind).toBe(
      'resource_exhaustion',
    );
    // A plain bug says nothing of resources: its own errors.
    expect(rankHypotheses(failing(['java.lang.NullPointerException']), [alert])[0]).toMatchObject({
      service: 'pdf',
      kind: 'error_code',
    });
  });

  it('reads resource exhaustion from the words of new error patterns', () => {
    const f = features({
      services: {
        worker: {
          b: { ...quiet, logs: 3000, errorLogs: 5 },
          i: { requests: 600, originErrors: 80, logs: 900, errorLogs: 300 },
        },
      },
      patterns: [
        {
          service: 'worker',
          templateId: 7,
          template: 'java.lang.OutOfMemoryError: Java heap space',
          level: 'error',
          baseline: 0,
          incident: 120,
          example: 'java.lang.OutOfMemoryError: Java heap space',
          exampleTraceId: undefined,
          errorType: 'java.lang.OutOfMemoryError',
        },
      ],
    });
    expect(rankHypotheses(f, [alert])[0]).toMatchObject({ service: 'worker', kind: 'resource_exhaustion' });
  });

  it("a pool that ran out is the service's own resource, not an unreachable peer, even when the line says 'connection'", () => {
    for (const line of [
      'KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full.',
      'database unavailable: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00',
      'TimeoutError: ResourceRequest timed out',
    ]) {
      const f = features({
        services: {
          worker: {
            b: { ...quiet, logs: 3000, errorLogs: 5 },
            i: { requests: 600, originErrors: 80, logs: 900, errorLogs: 300 },
          },
        },
        patterns: [pattern('worker', line, 120)],
      });
      expect(rankHypotheses(f, [alert])[0], line).toMatchObject({ service: 'worker', kind: 'resource_exhaustion' });
    }
  });

  it('credits a service named in other services’ new error lines (logs only, no traces)', () => {
    const f = features({
      services: {
        frontend: { b: { logs: 3000, errorLogs: 5 }, i: { logs: 700, errorLogs: 200 } },
        payment: { b: { logs: 3000, errorLogs: 5 }, i: { logs: 700, errorLogs: 60 } },
      },
      patterns: [
        {
          service: 'frontend',
          templateId: 1,
          template: 'upstream payment returned <*> after <*>',
          level: 'error',
          baseline: 0,
          incident: 200,
          example: 'upstream payment returned 503 after 120ms',
          exampleTraceId: undefined,
          errorType: undefined,
        },
        {
          service: 'payment',
          templateId: 1,
          template: 'NullPointerException in CurrencyConverter.convert',
          level: 'error',
          baseline: 0,
          incident: 60,
          example: 'x',
          exampleTraceId: undefined,
          errorType: undefined,
        },
      ],
    });
    expect(rankHypotheses(f, [alert])[0]?.service).toBe('payment');
  });
});
