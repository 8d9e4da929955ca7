import { describe, expect, it } from 'vitest';
import { classifyMetric } from '../../../src/core/metrics/classify-metric.ts';
import { withHistogramQuantiles } from '../../../src/core/metrics/histogram-quantiles.ts';
import type { MetricSeries } from '../../../src/core/metrics/metric-series.ts';
import { metricShift } from '../../../src/core/metrics/metric-shift.ts';
import { parsePrometheusSeries } from '../../../src/core/metrics/parse-prometheus-series.ts';
import { serviceOfSeries } from '../../../src/core/metrics/service-of-series.ts';
import { poissonTail } from '../../../src/core/stats/poisson-tail.ts';

const MIN = 60_000;
const ONSET = 100 * MIN;
const BASELINE = { from: ONSET - 60 * MIN, to: ONSET - 10_000 };
const INCIDENT = { from: ONSET, to: ONSET + 5 * MIN };

/** A series sampled every minute from an hour before the onset to 4 minutes after it. */
function series(name: string, value: (minute: number) => number, labels: Record<string, string> = {}): MetricSeries {
  const times: number[] = [];
  const values: number[] = [];
  for (let m = -60; m <= 4; m++) {
    times.push(ONSET + m * MIN);
    values.push(value(m));
  }
  return { name, labels, service: serviceOfSeries(labels), times, values };
}

const wobble = (m: number) => ((((m * 7919) % 5) + 5) % 5) - 2;

describe('prometheus series', () => {
  it('reads a range-query element, with NaN and infinities, and keeps no sample past the end', () => {
    const r = parsePrometheusSeries(
      {
        metric: { __name__: 'up', pod: 'checkout-7d9f8c6b5-x2x4q' },
        values: [
          [10, '1'],
          [20, 'NaN'],
          [30, '+Inf'],
          [40, '1'],
        ],
      },
      30_000,
    );
    expect(r.ok && r.value).toMatchObject({ name: 'up', service: 'checkout', times: [10_000, 20_000, 30_000] });
    expect(r.ok && r.value.values).toEqual([1, Number.NaN, Number.POSITIVE_INFINITY]);
  });

  it('names the field that is wrong', () => {
    const bad = (doc: unknown) => {
      const r = parsePrometheusSeries(doc);
      return r.ok ? 'ok' : r.error.field;
    };
    expect(bad([])).toBe('(line)');
    expect(bad({ metric: { a: 1 }, values: [] })).toBe('metric.a');
    expect(bad({ metric: {}, values: [[1, 2]] })).toBe('values[0][1]');
    expect(bad({ metric: {}, values: [[1, 'x1']] })).toBe('values[0][1]');
    expect(
      bad({
        metric: {},
        values: [
          [2, '1'],
          [1, '1'],
        ],
      }),
    ).toBe('values[1][0]');
    expect(bad({ metric: {}, values: [[1e300, '1']] })).toBe('values[0][0]');
  });

  it("ties a series to its service by the first label that names one, else the pod's workload", () => {
    expect(serviceOfSeries({ job: 'node', service: 'cart' })).toBe('cart');
    expect(serviceOfSeries({ container: 'cart', pod: 'x-7d9f8c6b5-x2x4q' })).toBe('cart');
    expect(serviceOfSeries({ pod: 'checkout-7d9f8c6b5-x2x4q' })).toBe('checkout');
    expect(serviceOfSeries({ instance: '10.0.0.1:9100', node: 'n1' })).toBeUndefined();
  });

  it('reads names as hints', () => {
    expect(classifyMetric('container_cpu_usage_seconds_total')).toEqual({ signal: 'cpu', bad: 'up', counter: true });
    expect(classifyMetric('cloudwatch_availability_average_percent').signal).toBe('availability');
    expect(classifyMetric('pod_client_latency_p90_seconds').signal).toBe('caller-latency');
    expect(classifyMetric('kube_pod_container_status_restarts_total').signal).toBe('restarts');
    expect(classifyMetric('something_else').signal).toBe('other');
  });
});

describe('metric shift', () => {
  it('CPU that rose at the onset stands out; the same series without the rise does not', () => {
    const hot = metricShift(
      series('pod_cpu_usage_percent', (m) => (m >= 0 ? 95 : 20 + wobble(m))),
      BASELINE,
      INCIDENT,
    );
    const calm = metricShift(
      series('pod_cpu_usage_percent', (m) => 20 + wobble(m)),
      BASELINE,
      INCIDENT,
    );
    expect(hot?.z).toBeGreaterThan(12);
    expect(calm?.z).toBeLessThan(3);
  });

  it('a counter is read as a rate, a reset is not a drop', () => {
    let total = 0;
    const s = series('http_errors_total', (m) => {
      total += m >= 0 ? 50 : 1;
      return m === -30 ? 0 : total; // a restart reset the counter half an hour ago
    });
    const shift = metricShift(s, BASELINE, INCIDENT);
    expect(shift?.counter).toBe(true);
    expect(shift?.incidentPeak).toBeCloseTo(50 / 60, 5);
    expect(shift?.z).toBeGreaterThan(12);
  });

  it("a level already held just before the onset is not the incident's (an older step, a seam)", () => {
    // Stepped up 20 minutes before the onset and stayed there.
    const s = series('request_latency_seconds', (m) => (m >= -20 ? 3 : 0.4) + wobble(m) / 100);
    expect(metricShift(s, BASELINE, INCIDENT)?.z).toBeLessThan(3);
  });

  it('availability counts when it falls, errors when they rise', () => {
    const avail = metricShift(
      series('availability_percent', (m) => (m >= 0 ? 60 : 100)),
      BASELINE,
      INCIDENT,
    );
    expect(avail?.z).toBeGreaterThan(3);
    const errorsFell = metricShift(
      series('errors_per_second', (m) => (m >= 0 ? 0 : 5 + wobble(m))),
      BASELINE,
      INCIDENT,
    );
    expect(errorsFell?.z).toBe(0);
  });

  it('a series flat at zero that blips to one is not a large shift', () => {
    const s = series('requests_sum', (m) => (m === 2 ? 1 : 0));
    expect(metricShift(s, BASELINE, INCIDENT)?.z).toBeLessThanOrEqual(10);
  });

  it('needs a few baseline samples', () => {
    const s: MetricSeries = { name: 'x', labels: {}, service: 'a', times: [ONSET - MIN, ONSET], values: [1, 9] };
    expect(metricShift(s, BASELINE, INCIDENT)).toBeUndefined();
  });
});

describe('histograms', () => {
  /** Cumulative bucket counters of a histogram whose observations all fall at `at(minute)` seconds. */
  function histogram(at: (m: number) => number, perMinute = 100): MetricSeries[] {
    const bounds = ['0.05', '0.1', '0.25', '0.5', '1', '+Inf'];
    const totals = bounds.map(() => 0);
    const out = bounds.map((le) => ({ le, times: [] as number[], values: [] as number[] }));
    for (let m = -60; m <= 4; m++) {
      bounds.forEach((le, k) => {
        // perMinute observations a minute: 90% at the level, 10% ten times slower.
        const v = at(m);
        const upper = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
        const slow = perMinute / 10;
        totals[k] = (totals[k] as number) + (v <= upper ? perMinute - slow : 0) + (v * 10 <= upper ? slow : 0);
        out[k]?.times.push(ONSET + m * MIN);
        out[k]?.values.push(totals[k] as number);
      });
    }
    return out.map(({ le, times, values }) => ({
      name: 'http_server_request_duration_seconds_bucket',
      labels: { service: 'checkout', le },
      service: 'checkout',
      times,
      values,
    }));
  }

  it('bucket counters become one p90 series that moves when the requests slow down', () => {
    const read = withHistogramQuantiles(histogram((m) => (m >= 0 ? 0.4 : 0.03)));
    expect(read).toHaveLength(1);
    const p90 = read[0] as MetricSeries;
    expect(p90.name).toBe('http_server_request_duration_seconds_p90');
    expect(p90.labels).toEqual({ service: 'checkout' });
    const before = p90.values[p90.times.indexOf(ONSET - 10 * MIN)] as number;
    const after = p90.values[p90.times.indexOf(ONSET + 2 * MIN)] as number;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(after).toBeGreaterThan(0.25);
    expect(after).toBeLessThanOrEqual(0.5);
    const shift = metricShift(p90, BASELINE, INCIDENT);
    expect(shift?.signal).toBe('latency');
    expect(shift?.z).toBeGreaterThan(12);
  });

  it('an interval with fewer than 10 observations has no p90 (a gap), so a quiet service cannot shift', () => {
    const [p90] = withHistogramQuantiles(histogram((m) => (m >= 0 ? 0.4 : 0.03), 5));
    expect(p90?.values.length).toBeGreaterThan(0);
    expect(p90?.values.every((v) => Number.isNaN(v))).toBe(true);
    expect(metricShift(p90 as MetricSeries, BASELINE, INCIDENT)).toBeUndefined();
    const [busy] = withHistogramQuantiles(histogram(() => 0.03, 10));
    expect(busy?.values.some((v) => Number.isFinite(v))).toBe(true);
  });

  it('a gap in the samples does not stretch the next interval: its observations are counted over its own length', () => {
    // 5 observations a minute, and a missing scrape (NaN) in every bucket 30 minutes before the onset.
    const gappy = histogram(() => 0.03, 5).map((b) => ({
      ...b,
      values: b.values.map((v, k) => (k === 30 ? Number.NaN : v)),
    }));
    const [p90] = withHistogramQuantiles(gappy);
    expect(p90?.values.every((v) => Number.isNaN(v))).toBe(true);
  });

  it('a histogram without a +Inf bucket is left as it is; other series pass through', () => {
    const partial = histogram(() => 0.03).filter((s) => s.labels.le !== '+Inf');
    const other = series('up', () => 1);
    expect(withHistogramQuantiles([...partial, other]).map((s) => s.name)).toEqual(['up']);
  });
});

describe('error counters: a count, not only a rate', () => {
  // A quiet hour, then `after` errors in each of the incident's minutes.
  const errors = (after: number) =>
    series('http_requests_errors_total', (m) => (m <= 0 ? 100 : 100 + m * after), { service: 'api' });

  it('one error after a quiet hour is chance, not a shift (its rate jumped from zero all the same)', () => {
    expect(metricShift(errors(0.25), BASELINE, INCIDENT, 1)).toBeUndefined();
  });

  it('errors the quiet baseline makes unlikely are a shift', () => {
    const s = metricShift(errors(5), BASELINE, INCIDENT, 1);
    expect(s?.signal).toBe('errors');
    expect(s?.z).toBeGreaterThan(3);
  });

  it('the same count against a baseline that already had as many is chance too', () => {
    const noisy = series('http_requests_errors_total', (m) => 100 + (m + 60) * 2, { service: 'api' });
    expect(metricShift(noisy, BASELINE, INCIDENT, 1)).toBeUndefined();
  });
});

describe('poissonTail', () => {
  it('P(X ≥ k) for X ~ Poisson(λ)', () => {
    expect(poissonTail(0, 3)).toBe(1);
    expect(poissonTail(1, 0.375)).toBeCloseTo(1 - Math.exp(-0.375), 12);
    expect(poissonTail(3, 0.375)).toBeCloseTo(1 - Math.exp(-0.375) * (1 + 0.375 + 0.375 ** 2 / 2), 12);
    expect(poissonTail(5, 0)).toBe(0);
    // A large λ stays finite: 2000 events where 1000 were expected is all but impossible.
    expect(poissonTail(2000, 1000)).toBeLessThan(1e-100);
    expect(poissonTail(1000, 1000)).toBeGreaterThan(0.4);
  });
});
