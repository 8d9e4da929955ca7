import type { MetricSeries } from '../../core/metrics/metric-series.ts';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Metric series → OpenMetrics text that `promtool tsdb create-blocks-from openmetrics` turns into
 * TSDB blocks: one `# TYPE <name> unknown` family per metric name (so `_total`, `_count`, `_bucket`
 * names stay as they are), each series' samples together in time order, timestamps in seconds,
 * NaN and ±Inf spelled as OpenMetrics does, and the closing `# EOF`. A series without a valid
 * metric name or with an invalid label name cannot be stored: it is left out and counted.
 */
export function seriesToOpenMetrics(series: readonly MetricSeries[]): {
  readonly text: string;
  readonly samples: number;
  readonly skipped: number;
} {
  const families = new Map<string, MetricSeries[]>();
  let skipped = 0;
  let samples = 0;
  for (const s of series) {
    if (!METRIC_NAME.test(s.name) || Object.keys(s.labels).some((k) => !LABEL_NAME.test(k) || k.startsWith('__'))) {
      skipped++;
      continue;
    }
    families.set(s.name, [...(families.get(s.name) ?? []), s]);
  }
  const lines: string[] = [];
  for (const [name, members] of [...families].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`# TYPE ${name} unknown`);
    for (const s of members) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${escapeLabelValue(v)}"`)
        .join(',');
      const head = labels ? `${name}{${labels}}` : name;
      samples += s.times.length;
      for (let i = 0; i < s.times.length; i++)
        lines.push(`${head} ${formatValue(s.values[i] as number)} ${(s.times[i] as number) / 1000}`);
    }
  }
  lines.push('# EOF');
  return { text: `${lines.join('\n')}\n`, samples, skipped };
}

function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}
