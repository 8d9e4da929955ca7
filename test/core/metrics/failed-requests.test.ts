import { describe, expect, it } from 'vitest';
import { withFailedRequests } from '../../../src/core/metrics/failed-requests.ts';
import type { MetricSeries } from '../../../src/core/metrics/metric-series.ts';

const s = (name: string, values: number[], labels: Record<string, string> = {}): MetricSeries => ({
  name,
  labels: { service: 'lister', ...labels },
  service: 'lister',
  times: values.map((_, k) => k * 300_000),
  values,
});

describe('failed requests', () => {
  it('availability with a request count of the same labels becomes failed requests per sample', () => {
    const out = withFailedRequests([
      s('cloudwatch_availability_average_percent', [100, 75, 50]),
      s('cloudwatch_requests_sum', [4, 4, 3]),
    ]);
    const failed = out.find((x) => x.name === 'failed_requests');
    expect(failed?.values).toEqual([0, 1, 1.5]);
    expect(failed?.labels.from).toBe('cloudwatch_requests_sum × (1 − cloudwatch_availability_average_percent)');
    expect(out.map((x) => x.name)).toContain('cloudwatch_requests_sum');
  });

  it('availability without a matching request series (other labels, or none) is kept as it is', () => {
    const a = s('availability_ratio', [1, 0.9]);
    const other = s('requests_sum', [10, 10], { route: '/x' });
    expect(withFailedRequests([a, other])).toEqual([a, other]);
  });
});
