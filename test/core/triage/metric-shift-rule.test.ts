import { describe, expect, it } from 'vitest';
import { measuresHost } from '../../../src/core/metrics/measures-host.ts';
import type { MetricSeries } from '../../../src/core/metrics/metric-series.ts';
import { seenByCaller } from '../../../src/core/metrics/seen-by-caller.ts';
import type { Alert } from '../../../src/core/model/alert.ts';
import { DEFAULT_RANK_OPTIONS } from '../../../src/core/triage/rank-options.ts';
import { metricShiftRule } from '../../../src/core/triage/rules/metric-shift-rule.ts';
import { features, ONSET } from '../../support/features.ts';

const STEP = 5 * 60_000;

/** A series every 5 minutes from an hour before the onset up to it, at `base` until `last` at the onset. */
function s(
  service: string,
  name: string,
  base: number,
  last: number,
  labels: Record<string, string> = {},
): MetricSeries {
  const times: number[] = [];
  const values: number[] = [];
  for (let k = -12; k <= 0; k++) {
    times.push(ONSET + k * STEP);
    // Latency wobbles by 1%; availability sits at its level.
    const wobble = name.startsWith('availability') ? 0 : 0.01 * (((k * 7) % 3) - 1);
    values.push(k === 0 ? last : base * (1 + wobble));
  }
  return { name, labels: { service, ...labels }, service, times, values };
}

const pointsOf = (series: MetricSeries[]) =>
  Object.fromEntries(
    metricShiftRule({ ...features({ services: {} }), metrics: series }, DEFAULT_RANK_OPTIONS).map((f) => [
      f.service,
      f.points,
    ]),
  );

describe('metric shift rule', () => {
  it('a slowdown adds the same seconds along the path: the callee, whose latency multiplied most, leads', () => {
    // +0.36 s everywhere: the callee went 0.05 → 0.41 (×8), its callers 0.06 → 0.42 and 0.19 → 0.55.
    const p = pointsOf([
      s('updater', 'latency_seconds', 0.05, 0.41),
      s('gateway', 'latency_seconds', 0.06, 0.42),
      s('payments', 'latency_seconds', 0.19, 0.55),
    ]);
    expect(p.updater).toBeGreaterThan(p.gateway ?? 0);
    expect(p.gateway).toBeGreaterThan(p.payments ?? 0);
  });

  it("a failing callee's errors are diluted in its caller's availability: the larger drop leads", () => {
    const p = pointsOf([s('lister', 'availability_percent', 100, 97), s('site', 'availability_percent', 100, 98.9)]);
    expect(p.lister).toBeGreaterThan(p.site ?? 0);
  });

  it('CPU that grew no faster than the requests is the workload; CPU that grew per request is a finding', () => {
    const busy = pointsOf([s('ingest', 'cpu_usage_cores', 0.2, 1.6), s('ingest', 'requests_per_second', 10, 80)]);
    expect(busy.ingest ?? 0).toBeLessThan(DEFAULT_RANK_OPTIONS.points.metricShift);
    const starved = pointsOf([s('ingest', 'cpu_usage_cores', 0.2, 1.6), s('ingest', 'requests_per_second', 10, 10)]);
    expect(starved.ingest).toBeGreaterThan(DEFAULT_RANK_OPTIONS.points.metricShift);
  });

  it('what a caller measured of its callee counts little for the caller', () => {
    const p = pointsOf([
      s('search', 'latency_seconds', 0.01, 0.3),
      s('search-lb', 'latency_seconds', 0.01, 0.3, { component_type: 'remote' }),
    ]);
    expect(p['search-lb']).toBeLessThan((p.search ?? 0) / 2);
  });

  it('a baseline of one sample is still read (a short recording), against a floor of its level', () => {
    const short = (service: string, before: number, at: number): MetricSeries => ({
      name: 'latency_seconds',
      labels: { service },
      service,
      times: [ONSET - 2 * STEP, ONSET],
      values: [before, at],
    });
    const p = pointsOf([short('payments', 0.18, 1.04), short('site', 0.1, 0.1)]);
    expect(p.payments).toBeGreaterThan(0);
    expect(p.site).toBeUndefined();
  });
});

describe('the symptom the alert already names', () => {
  it("the alerted service's move in what the alert measures counts less than a cause's own move", () => {
    const alert: Alert = {
      fingerprint: 'f1',
      name: 'HighLatency',
      status: 'firing',
      service: 'site',
      labels: {},
      annotations: {},
      startsAt: ONSET,
      endsAt: undefined,
      generatorUrl: undefined,
      source: 'test',
    };
    // The site slowed 0.1 → 0.5 s (×5) because payments slowed 0.2 → 0.6 s (×3).
    const series = [s('site', 'latency_seconds', 0.1, 0.5), s('payments', 'latency_seconds', 0.2, 0.6)];
    const f = { ...features({ services: {} }), metrics: series };
    const points = (alerts: Alert[]) =>
      Object.fromEntries(metricShiftRule(f, DEFAULT_RANK_OPTIONS, alerts).map((x) => [x.service, x.points]));
    expect(points([]).site).toBeGreaterThan(points([]).payments ?? 0);
    expect(points([alert]).site ?? 0).toBeLessThan(points([alert]).payments ?? 0);
    // An errors alert leaves the site's latency as it is.
    expect(points([{ ...alert, name: 'HighErrorRate' }]).site).toBe(points([]).site);
  });
});

describe('metrics beside traces', () => {
  it("a traced service's metric latency counts less (its traces tell its own time from its callees'); CPU does not", () => {
    const series = [s('api', 'latency_seconds', 0.05, 0.4), s('api', 'cpu_usage_ratio', 0.2, 0.9)];
    const with_ = (traced: boolean) =>
      metricShiftRule(
        { ...features({ services: traced ? { api: {} } : {} }), metrics: series },
        DEFAULT_RANK_OPTIONS,
      )[0];
    expect(with_(true)?.points).toBeLessThan(with_(false)?.points ?? 0);
    expect(with_(true)?.facts?.metricSignal).toBe('cpu');
  });

  it("with traces, an untraced caller's metric latency counts as little: it holds the slow callee's time the traces show", () => {
    const series = [s('web', 'latency_seconds', 0.3, 1.5)];
    const points = (services: Record<string, object>) =>
      metricShiftRule({ ...features({ services }), metrics: series }, DEFAULT_RANK_OPTIONS)[0]?.points ?? 0;
    const alone = points({});
    expect(points({ db: {} })).toBeCloseTo(alone * DEFAULT_RANK_OPTIONS.metric.tracedWeight, 5);
    expect(points({ web: {} })).toBeCloseTo(points({ db: {} }), 5);
  });
});

describe('seen by the caller', () => {
  it('reads span kind, the Istio reporter, X-Ray node types and side labels', () => {
    expect(seenByCaller({ span_kind: 'SPAN_KIND_CLIENT' })).toBe(true);
    expect(seenByCaller({ reporter: 'source' })).toBe(true);
    expect(seenByCaller({ reporter: 'destination' })).toBe(false);
    expect(seenByCaller({ component_type: 'remote' })).toBe(true);
    expect(seenByCaller({ component_type: 'AWS::Lambda::Function' })).toBe(false);
    // The Lambda service's node holds the function's invocations as the service handled them.
    expect(seenByCaller({ component_type: 'AWS::Lambda' })).toBe(true);
    expect(seenByCaller({ span_kind: 'SPAN_KIND_SERVER' })).toBe(false);
    expect(seenByCaller({})).toBe(false);
  });

  it("a front door's latency is its backend's: an API Gateway stage or a load balancer counts as the caller", () => {
    // CloudWatch's API Gateway Latency includes the integration's; a load balancer's, its targets'.
    expect(seenByCaller({ component_type: 'AWS::ApiGateway::Stage' })).toBe(true);
    expect(seenByCaller({ component_type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' })).toBe(true);
    // The same 0.37 s added at the stage and at the function behind it: the function is the one that slowed.
    const points = pointsOf([
      s('updater-api', 'latency_seconds', 0.062, 0.429, { component_type: 'AWS::ApiGateway::Stage' }),
      s('updater', 'latency_seconds', 0.073, 0.436, { component_type: 'AWS::Lambda::Function' }),
    ]);
    expect(points.updater).toBeGreaterThan(2 * (points['updater-api'] ?? 0));
  });
});

describe("the node's series", () => {
  it("a node's CPU filed under each pod on it counts little: the pod's own CPU tells the neighbour that hogs it", () => {
    const node = (svc: string) => s(svc, 'node_cpu_usage_percent', 40, 95);
    const points = pointsOf([
      node('cart'),
      node('checkout'),
      s('checkout', 'pod_cpu_usage_percent', 20, 90),
      s('cart', 'pod_cpu_usage_percent', 20, 20.5),
    ]);
    expect(points.checkout).toBeGreaterThan(2 * (points.cart ?? 0));
    expect(measuresHost('node_cpu_seconds_total')).toBe(true);
    expect(measuresHost('machine_cpu_cores')).toBe(true);
    expect(measuresHost('container_cpu_usage_seconds_total')).toBe(false);
  });
});
