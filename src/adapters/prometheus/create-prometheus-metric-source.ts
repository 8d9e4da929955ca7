import type { MetricSeries } from '../../core/metrics/metric-series.ts';
import type { MetricSource } from '../../core/ports.ts';
import { applyPointsBudget } from './apply-points-budget.ts';
import type { PrometheusClient } from './create-prometheus-client.ts';
import { discoverSeries } from './discover-series.ts';
import type { PrometheusSettings } from './prometheus-settings.ts';
import { readConfiguredQueries } from './read-configured-queries.ts';
import { readRawSeries } from './read-raw-series.ts';

/**
 * Metric series from Prometheus (or Mimir, Thanos, VictoriaMetrics) over the HTTP API: the series
 * the selectors find (`/api/v1/series`, by default those carrying a service label; at most
 * `seriesBudget`), read raw, plus the configured PromQL. A failure of Prometheus is this source's
 * typed failure; what a budget cut is said in the result's detail.
 */
export function createPrometheusMetricSource(
  settings: Pick<PrometheusSettings, 'url' | 'seriesBudget' | 'pointsBudget' | 'match' | 'queries' | 'serviceLabels'>,
  call: PrometheusClient,
): MetricSource {
  return {
    name: `prometheus ${settings.url}`,
    async range(range, signal) {
      const notes: string[] = [];
      const series: MetricSeries[] = [];
      if (settings.match.length > 0) {
        const found = await discoverSeries(
          call,
          settings.match,
          range,
          settings.seriesBudget,
          settings.serviceLabels,
          signal,
        );
        if (found.state === 'failed') return found;
        if (found.state === 'no-data' && found.detail) notes.push(found.detail);
        if (found.state === 'ok') {
          if (found.detail) notes.push(found.detail);
          const raw = await readRawSeries(call, found.value.series, range, settings.serviceLabels, signal);
          if (raw.state === 'failed') return raw;
          if (raw.state === 'ok') series.push(...raw.value);
        }
      }
      if (settings.queries.length > 0) {
        const q = await readConfiguredQueries(call, settings.queries, range, settings.serviceLabels, signal);
        if (q.state === 'failed') return q;
        if (q.state === 'ok') series.push(...q.value);
      }
      const budgeted = applyPointsBudget(series, settings.pointsBudget);
      notes.push(...budgeted.notes);
      if (budgeted.series.length === 0)
        return {
          state: 'no-data',
          detail: notes.join('; ') || `prometheus ${settings.url}: no series with a sample in the triage range`,
        };
      return { state: 'ok', value: budgeted.series, ...(notes.length > 0 ? { detail: notes.join('; ') } : {}) };
    },
  };
}
