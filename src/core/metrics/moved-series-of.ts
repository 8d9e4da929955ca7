import type { Hypothesis } from '../model/hypothesis.ts';
import type { MovedSeries } from '../model/moved-series.ts';
import type { TimeWindow } from '../model/time-window.ts';
import { classifySeries } from './classify-series.ts';
import { counterRate } from './counter-rate.ts';
import { labelText } from './label-text.ts';
import type { MetricSeries } from './metric-series.ts';

/**
 * The series the leading hypotheses' metric evidence names (their strongest move first, one per
 * hypothesis, at most `max`), cut to `range`, for the chart: what moved, drawn, not only said.
 */
export function movedSeriesOf(
  hypotheses: readonly Hypothesis[],
  metrics: readonly MetricSeries[],
  range: TimeWindow,
  max = 3,
  lead = 3,
): MovedSeries[] {
  const out: MovedSeries[] = [];
  for (const h of hypotheses.slice(0, lead)) {
    if (out.length >= max) break;
    const e = h.evidence.find((x) => x.source === 'metrics' && x.kind === 'metric-shift');
    const { metric: name, labels: wanted } = e?.data ?? {};
    if (!e || typeof name !== 'string') continue;
    // Found by name first: the label text is built only for the few series of that name.
    const s = metrics.find(
      (m) => m.name === name && labelText(m.labels) === (typeof wanted === 'string' ? wanted : ''),
    );
    if (!s) continue;
    const perSecond = classifySeries(s).counter;
    const samples = perSecond ? counterRate(s.times, s.values) : s;
    const points: { at: number; value: number }[] = [];
    for (let i = 0; i < samples.times.length; i++) {
      const at = samples.times[i] as number;
      const value = samples.values[i] as number;
      if (at >= range.from && at <= range.to && Number.isFinite(value)) points.push({ at, value });
    }
    if (points.length === 0) continue;
    const labels = labelText(s.labels);
    out.push({
      service: h.service,
      metric: `${s.name}${labels ? `{${labels}}` : ''}`,
      summary: e.summary,
      perSecond,
      baselineMedian: typeof e.data.baselineMedian === 'number' ? e.data.baselineMedian : Number.NaN,
      points,
    });
  }
  return out;
}
