import { classifyMetric, type MetricSignal } from '../../core/metrics/classify-metric.ts';
import { serviceOfSeries } from '../../core/metrics/service-of-series.ts';
import { labelSetKey } from './label-set-key.ts';

/** Which of a service's series say most about it (the metric-shift rule's weights, in order). */
const SIGNAL_ORDER: readonly MetricSignal[] = [
  'errors',
  'availability',
  'latency',
  'restarts',
  'cpu',
  'memory',
  'saturation',
  'caller-latency',
  'load',
  'other',
];

/**
 * Up to `budget` series, spread over the services: each service's series ordered by what they
 * say (errors, availability, latency … first; then by identity), taken round-robin across services
 * (in name order) so a budget smaller than the series reaches every service's most telling series
 * before anyone's second. Stable for the same input.
 */
export function chooseWithinBudget(
  series: readonly Readonly<Record<string, string>>[],
  budget: number,
  serviceLabels: readonly string[],
): Readonly<Record<string, string>>[] {
  if (series.length <= budget) return [...series].sort((a, b) => cmp(labelSetKey(a), labelSetKey(b)));
  const byService = new Map<string, { rank: number; key: string; labels: Readonly<Record<string, string>> }[]>();
  const ranks = new Map<string, number>();
  for (const labels of series) {
    const service = serviceOfSeries(labels, serviceLabels) ?? '';
    const name = labels.__name__ ?? '';
    let rank = ranks.get(name);
    if (rank === undefined) {
      rank = SIGNAL_ORDER.indexOf(classifyMetric(name).signal);
      ranks.set(name, rank);
    }
    const list = byService.get(service) ?? [];
    list.push({ rank, key: labelSetKey(labels), labels });
    byService.set(service, list);
  }
  const queues = [...byService.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([, list]) => list.sort((a, b) => a.rank - b.rank || cmp(a.key, b.key)));
  const out: Readonly<Record<string, string>>[] = [];
  for (let round = 0; out.length < budget; round++) {
    let any = false;
    for (const q of queues) {
      const item = q[round];
      if (!item) continue;
      any = true;
      out.push(item.labels);
      if (out.length === budget) break;
    }
    if (!any) break;
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
