import { basename } from 'node:path';
import { plural } from '../../core/formats/plural.ts';
import type { MetricSeries } from '../../core/metrics/metric-series.ts';
import { parsePrometheusSeries } from '../../core/metrics/parse-prometheus-series.ts';
import type { MetricSource } from '../../core/ports.ts';
import { describeReadError } from './describe-read-error.ts';
import { fileExists } from './file-exists.ts';
import { readNdjson } from './read-ndjson.ts';

/**
 * Metric series from a bundle's metrics.ndjson (one Prometheus range-query series per line),
 * streamed; a bad line is INPUT_INVALID naming the file, line and field. No sample after the
 * range's end is kept; series with no sample in the range are left out.
 */
export function createFileMetricSource(
  path: string,
  serviceLabels: readonly string[] = [],
  maxLineBytes?: number,
): MetricSource {
  return {
    name: `file ${basename(path)}`,
    async range(range, signal) {
      if (!(await fileExists(path))) return { state: 'no-data', detail: `${basename(path)} not present` };
      const out: MetricSeries[] = [];
      let lines = 0;
      try {
        for await (const { lineNo, value } of readNdjson(path, maxLineBytes, signal)) {
          lines++;
          const s = parsePrometheusSeries(value, range.to, serviceLabels);
          if (!s.ok) {
            return {
              state: 'failed',
              code: 'INPUT_INVALID',
              detail: `${basename(path)}:${lineNo}: field ${s.error.field}: ${s.error.message}`,
            };
          }
          if (s.value.times.some((t) => t >= range.from)) out.push(s.value);
        }
      } catch (e) {
        return describeReadError(path, e);
      }
      if (lines === 0) return { state: 'no-data', detail: `${basename(path)} is empty` };
      if (out.length === 0)
        return {
          state: 'no-data',
          detail: `${basename(path)}: none of ${plural(lines, 'series', 'series')} has a sample in the triage range`,
        };
      return { state: 'ok', value: out };
    },
  };
}
