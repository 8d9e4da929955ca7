import type { TimeWindow } from '../model/time-window.ts';
import { median } from '../stats/median.ts';
import { classifySeries } from './classify-series.ts';
import type { MetricSeries } from './metric-series.ts';
import { windowSamples } from './window-samples.ts';

/** Names of series that count requests (whatever their status): what a service is asked to do. */
const REQUEST_NAME = /request|calls|handled|rpc|rps|ops|throughput/i;

/**
 * How much each service's requests grew from the baseline to the incident, as log2 of the ratio of
 * their medians (0 when they did not grow, or when the service has no request counts). Counters
 * are read as rates; every status and label set of a service is summed, so a burst of the load
 * generator or a surge upstream shows as growth wherever it arrives.
 */
export function requestGrowth(
  series: readonly MetricSeries[],
  baseline: TimeWindow,
  incident: TimeWindow,
): (service: string) => number {
  const byService = new Map<string, { base: number; inc: number }>();
  for (const s of series) {
    if (!s.service || !REQUEST_NAME.test(s.name)) continue;
    const cls = classifySeries(s);
    if (cls.signal !== 'load' && cls.signal !== 'errors') continue;
    const { baseline: b, incident: i } = windowSamples(s, cls, baseline, incident);
    if (b.length === 0 || i.length === 0) continue;
    const total = byService.get(s.service) ?? { base: 0, inc: 0 };
    total.base += median(b);
    total.inc += median(i);
    byService.set(s.service, total);
  }
  return (service) => {
    const t = byService.get(service);
    return t && t.base > 0 && t.inc > 0 ? Math.max(0, Math.log2(t.inc / t.base)) : 0;
  };
}
