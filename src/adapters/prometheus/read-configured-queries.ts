import type { MetricSeries } from '../../core/metrics/metric-series.ts';
import type { TimeWindow } from '../../core/model/time-window.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import type { PrometheusClient } from './create-prometheus-client.ts';
import { fitStep } from './fit-step.ts';
import { parseMatrix } from './parse-matrix.ts';

/**
 * The configured PromQL (`prometheus.queries`), each evaluated with query_range over the range at
 * a fitted step (start aligned to the step); every result series is named by its query's `name`
 * (what the ranking reads as the signal) and keeps its labels.
 */
export async function readConfiguredQueries(
  call: PrometheusClient,
  queries: readonly { readonly name: string; readonly promql: string }[],
  range: TimeWindow,
  serviceLabels: readonly string[],
  signal: AbortSignal,
): Promise<SourceResult<MetricSeries[]>> {
  const step = fitStep(range.to - range.from);
  const start = Math.floor(range.from / 1000 / step) * step;
  const out: MetricSeries[] = [];
  for (const q of queries) {
    const r = await call(
      '/api/v1/query_range',
      [
        ['query', q.promql],
        ['start', String(start)],
        ['end', String(range.to / 1000)],
        ['step', String(step)],
      ],
      signal,
    );
    if (r.state === 'failed') return { ...r, detail: `${r.detail} (prometheus.queries ${q.name})` };
    if (r.state !== 'ok') continue;
    const parsed = parseMatrix(r.value, range, serviceLabels, () => true, q.name);
    if (parsed.state !== 'ok') return parsed;
    out.push(...parsed.value);
  }
  return { state: 'ok', value: out };
}
