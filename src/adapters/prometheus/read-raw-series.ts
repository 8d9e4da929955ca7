import type { MetricSeries } from '../../core/metrics/metric-series.ts';
import type { TimeWindow } from '../../core/model/time-window.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import type { PrometheusClient } from './create-prometheus-client.ts';
import { labelSetKey } from './label-set-key.ts';
import { nameGroupSelectors } from './name-group-selectors.ts';
import { parseMatrix } from './parse-matrix.ts';
import { runLimited } from './run-limited.ts';

/** Reads at once per source (a real Prometheus serves several queries in parallel). */
const CONCURRENCY = 4;

/**
 * The raw samples of the given series over the range, as stored (no resampling: a query_range step
 * finer than a series' scrape interval repeats its samples, and a counter's rate then reads as
 * zeros and spikes). Instant queries of range selectors (`{…}[Ns]`, POST /api/v1/query at the
 * range's end), a few per metric name (nameGroupSelectors); series not asked for are dropped. Samples after `range.to` never count.
 */
export async function readRawSeries(
  call: PrometheusClient,
  series: readonly Readonly<Record<string, string>>[],
  range: TimeWindow,
  serviceLabels: readonly string[],
  signal: AbortSignal,
): Promise<SourceResult<MetricSeries[]>> {
  const wanted = new Set(series.map(labelSetKey));
  const groups = new Map<string, Readonly<Record<string, string>>[]>();
  for (const s of series) {
    const name = s.__name__ ?? '';
    groups.set(name, [...(groups.get(name) ?? []), s]);
  }
  const windowS = Math.ceil((range.to - range.from) / 1000) + 1;
  const selectors = [...groups.values()].flatMap(nameGroupSelectors);
  const results = await runLimited(selectors, CONCURRENCY, signal, async (selector) => {
    const r = await call(
      '/api/v1/query',
      [
        ['query', `${selector}[${windowS}s]`],
        ['time', String(range.to / 1000)],
      ],
      signal,
    );
    if (r.state !== 'ok') return r;
    return parseMatrix(r.value, range, serviceLabels, (labels) => wanted.has(labelSetKey(labels)));
  });
  const out: MetricSeries[] = [];
  for (const r of results) {
    if (r.state === 'failed') return r;
    if (r.state === 'ok') out.push(...r.value);
  }
  return { state: 'ok', value: out };
}
