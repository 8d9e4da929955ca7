import type { FieldError } from '../formats/field-error.ts';
import type { Result } from '../result/result.ts';
import type { MetricSeries } from './metric-series.ts';
import { serviceOfSeries } from './service-of-series.ts';

const SPECIAL: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  '+Inf': Infinity,
  Inf: Infinity,
  '-Inf': -Infinity,
};

/**
 * One element of a Prometheus range query's `data.result` (`{"metric": {...}, "values": [[t, "v"], …]}`)
 * → a MetricSeries (times in ms), keeping only samples up to `until` (ms), or the first field that
 * is wrong. Values are decimal strings ("NaN", "+Inf", "-Inf" allowed); times must not go back.
 */
export function parsePrometheusSeries(
  doc: unknown,
  until: number = Number.POSITIVE_INFINITY,
  serviceLabels: readonly string[] = [],
): Result<MetricSeries, FieldError> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return {
      ok: false,
      error: { field: '(line)', message: 'expected a JSON object {"metric": {...}, "values": [...]}' },
    };
  }
  const d = doc as Record<string, unknown>;
  const metric = d.metric;
  if (metric === null || typeof metric !== 'object' || Array.isArray(metric)) {
    return { ok: false, error: { field: 'metric', message: 'expected an object of label names to values' } };
  }
  const labels: Record<string, string> = {};
  let name = '';
  // Labels in name order (as Prometheus returns them), so a series reads the same from any source.
  const entries = Object.entries(metric as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of entries) {
    if (typeof v !== 'string')
      return { ok: false, error: { field: `metric.${k}`, message: 'a label value must be a string' } };
    if (k === '__name__') name = v;
    else labels[k] = v;
  }
  const raw = d.values;
  if (!Array.isArray(raw)) {
    return { ok: false, error: { field: 'values', message: 'expected an array of [unix seconds, "value"] pairs' } };
  }
  const times: number[] = [];
  const values: number[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i];
    const field = `values[${i}]`;
    if (!Array.isArray(p) || p.length !== 2) {
      return { ok: false, error: { field, message: 'expected a pair [unix seconds, "value"]' } };
    }
    const [t, v] = p as [unknown, unknown];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 253_402_300_799) {
      return {
        ok: false,
        error: { field: `${field}[0]`, message: 'the time must be unix seconds (a number, years 1970–9999)' },
      };
    }
    const ms = t * 1000;
    if (ms < last) return { ok: false, error: { field: `${field}[0]`, message: 'samples must be in time order' } };
    last = ms;
    if (typeof v !== 'string') {
      return {
        ok: false,
        error: { field: `${field}[1]`, message: 'the value must be a decimal string ("1.5", "NaN", "+Inf")' },
      };
    }
    const value =
      v in SPECIAL ? (SPECIAL[v] as number) : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v) ? Number(v) : undefined;
    if (value === undefined) {
      return { ok: false, error: { field: `${field}[1]`, message: `not a number: ${JSON.stringify(v.slice(0, 40))}` } };
    }
    if (ms > until) break;
    times.push(ms);
    values.push(value);
  }
  return { ok: true, value: { name, labels, service: serviceOfSeries(labels, serviceLabels), times, values } };
}
