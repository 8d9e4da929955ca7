import { describe, expect, it } from 'vitest';
import { classifySeries } from '../../../src/core/metrics/classify-series.ts';
import type { MetricSeries } from '../../../src/core/metrics/metric-series.ts';

const s = (name: string, values: number[], labels: Record<string, string> = {}): MetricSeries => ({
  name,
  labels,
  service: 'checkout',
  times: values.map((_, k) => k * 30_000),
  values,
});

describe('what a series measures, from its name, labels and samples', () => {
  it('a request count whose status label is a server error counts errors; a 200 stays load', () => {
    expect(classifySeries(s('http_server_requests_total', [1, 2, 3], { code: '500' }))).toMatchObject({
      signal: 'errors',
      bad: 'up',
      counter: true,
    });
    expect(classifySeries(s('grpc_server_handled_total', [1, 2, 3], { grpc_code: 'Unavailable' })).signal).toBe(
      'errors',
    );
    expect(classifySeries(s('http_server_requests_total', [1, 2, 3], { code: '200' })).signal).toBe('load');
  });

  it('_count, _sum and _bucket are counters when they only grow; a period _sum that goes up and down is not', () => {
    expect(classifySeries(s('rpc_duration_seconds_count', [1, 5, 9, 12])).counter).toBe(true);
    expect(classifySeries(s('cloudwatch_requests_sum', [712, 668, 671, 700])).counter).toBe(false);
  });

  it("a histogram's _sum of durations is busy time and its _count the requests it timed (load), not latency", () => {
    expect(classifySeries(s('http_server_request_duration_seconds_sum', [1, 2, 4, 8]))).toMatchObject({
      signal: 'load',
      counter: true,
    });
    expect(classifySeries(s('http_server_request_duration_seconds_count', [3, 5, 9, 12]))).toMatchObject({
      signal: 'load',
      counter: true,
    });
    expect(classifySeries(s('http_server_request_duration_seconds_p90', [0.1, 0.1, 0.2])).signal).toBe('latency');
  });
});
