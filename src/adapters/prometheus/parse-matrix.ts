import type { MetricSeries } from '../../core/metrics/metric-series.ts';
import { parsePrometheusSeries } from '../../core/metrics/parse-prometheus-series.ts';
import type { TimeWindow } from '../../core/model/time-window.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';

/** A matrix result (`{resultType: "matrix", result: [...]}`) → the kept series, through the bundle parser. */
export function parseMatrix(
  data: unknown,
  range: TimeWindow,
  serviceLabels: readonly string[],
  keep: (labels: Readonly<Record<string, string>>) => boolean = () => true,
  rename?: string,
): SourceResult<MetricSeries[]> {
  const d = data as { resultType?: unknown; result?: unknown } | null;
  if (d?.resultType !== 'matrix' || !Array.isArray(d.result))
    return {
      state: 'failed',
      code: 'SOURCE_UNAVAILABLE',
      detail: `prometheus: expected a matrix result, got ${String(d?.resultType ?? typeof data)}`,
    };
  const out: MetricSeries[] = [];
  for (const [i, item] of d.result.entries()) {
    const metric = (item as { metric?: Record<string, string> } | null)?.metric;
    if (metric && !keep(metric)) continue;
    const doc = rename ? { ...(item as object), metric: { ...metric, __name__: rename } } : item;
    const s = parsePrometheusSeries(doc, range.to, serviceLabels);
    if (!s.ok)
      return {
        state: 'failed',
        code: 'SOURCE_UNAVAILABLE',
        detail: `prometheus: result[${i}] field ${s.error.field}: ${s.error.message}`,
      };
    if (s.value.times.length > 0) out.push(s.value);
  }
  return { state: 'ok', value: out };
}
