import type { TimeWindow } from '../../core/model/time-window.ts';
import { promqlString } from './promql-string.ts';

/**
 * A link to Prometheus' graph page showing one series (or expression) over a range:
 * `<url>/graph?g0.expr=…&g0.tab=0&g0.range_input=…m&g0.end_input=YYYY-MM-DD HH:MM:SS` (UTC).
 */
export function prometheusGraphLink(
  url: string,
  series: { readonly name: string; readonly labels: Readonly<Record<string, string>> } | string,
  range: TimeWindow,
): string {
  const expr =
    typeof series === 'string'
      ? series
      : `${series.name}{${Object.entries(series.labels)
          .map(([k, v]) => `${k}=${promqlString(v)}`)
          .join(',')}}`;
  const end = new Date(Math.ceil(range.to / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
  const q = new URLSearchParams([
    ['g0.expr', expr],
    ['g0.tab', '0'],
    ['g0.range_input', `${Math.max(1, Math.ceil((range.to - range.from) / 60_000))}m`],
    ['g0.end_input', end],
  ]);
  return `${url.replace(/\/+$/, '')}/graph?${q.toString()}`;
}
