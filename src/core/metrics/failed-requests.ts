import { classifySeries } from './classify-series.ts';
import { labelKey } from './label-key.ts';
import type { MetricSeries } from './metric-series.ts';

/**
 * Availability read with the traffic it is measured on: where a service has an availability
 * series and a request-count series with the same labels, the availability is replaced by the
 * failed requests per sample, `requests × (1 − availability)`. A function called four times in
 * five minutes swings its availability by tens of points with every failure; its failed requests
 * say how much actually failed. Availability without a matching request series is kept.
 */
export function withFailedRequests(series: readonly MetricSeries[]): MetricSeries[] {
  const requests = new Map<string, MetricSeries>();
  for (const s of series) {
    const cls = classifySeries(s);
    if (cls.signal === 'load' && !cls.counter && /request/i.test(s.name)) requests.set(keyOf(s), s);
  }
  if (requests.size === 0) return [...series];
  return series.map((s) => {
    if (classifySeries(s).signal !== 'availability') return s;
    const r = requests.get(keyOf(s));
    if (!r) return s;
    const top = s.values.some((v) => v > 1) ? 100 : 1;
    const count = new Map(r.times.map((t, k) => [t, r.values[k] as number]));
    const times: number[] = [];
    const values: number[] = [];
    s.times.forEach((t, k) => {
      const n = count.get(t);
      const a = s.values[k] as number;
      if (n === undefined || !Number.isFinite(n) || !Number.isFinite(a)) return;
      times.push(t);
      values.push(Math.max(0, n * (1 - a / top)));
    });
    return {
      ...s,
      name: 'failed_requests',
      labels: { ...s.labels, from: `${r.name} × (1 − ${s.name})` },
      times,
      values,
    };
  });
}

function keyOf(s: MetricSeries): string {
  return labelKey(s.service ?? '', s.labels);
}
