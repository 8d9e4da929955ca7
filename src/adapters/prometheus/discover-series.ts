import { plural } from '../../core/formats/plural.ts';
import type { TimeWindow } from '../../core/model/time-window.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import { chooseWithinBudget } from './choose-within-budget.ts';
import type { PrometheusClient } from './create-prometheus-client.ts';
import { labelSetKey } from './label-set-key.ts';

/** The series in play: their label sets (name order by identity), and what the budget cut. */
export type DiscoveredSeries = {
  readonly series: readonly Readonly<Record<string, string>>[];
  /** How many series matched in all (more than `series.length` when the budget cut). */
  readonly matched: number;
};

/**
 * `/api/v1/series` with the selectors (match[]) over the range: every series that has a sample in
 * it, deduplicated, at most `budget` of them (spread over the services, most telling signals
 * first: see chooseWithinBudget).
 */
export async function discoverSeries(
  call: PrometheusClient,
  match: readonly string[],
  range: TimeWindow,
  budget: number,
  serviceLabels: readonly string[],
  signal: AbortSignal,
): Promise<SourceResult<DiscoveredSeries>> {
  const r = await call(
    '/api/v1/series',
    [...match.map((m) => ['match[]', m] as const), ['start', seconds(range.from)], ['end', seconds(range.to)]],
    signal,
  );
  if (r.state !== 'ok') return r;
  if (!Array.isArray(r.value))
    return { state: 'failed', code: 'SOURCE_UNAVAILABLE', detail: 'prometheus /api/v1/series: data is not a list' };
  const byKey = new Map<string, Record<string, string>>();
  for (const s of r.value) {
    if (s === null || typeof s !== 'object') continue;
    const labels = s as Record<string, string>;
    byKey.set(labelSetKey(labels), labels);
  }
  if (byKey.size === 0)
    return {
      state: 'no-data',
      detail: `no series matches ${match.join(' or ')} in the triage range`,
    };
  const chosen = chooseWithinBudget([...byKey.values()], budget, serviceLabels);
  return {
    state: 'ok',
    value: { series: chosen, matched: byKey.size },
    ...(byKey.size > budget
      ? {
          detail: `${plural(byKey.size, 'series', 'series')} matched; ${budget} (prometheus.seriesBudget) were read, spread over the services`,
        }
      : {}),
  };
}

function seconds(ms: number): string {
  return String(ms / 1000);
}
