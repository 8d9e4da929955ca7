import type { LogSource, SeriesQuery } from '../../core/ports.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import type { EsQuery } from './create-es-query.ts';
import { esFailure } from './es-failure.ts';
import type { EsSettings } from './es-settings.ts';
import { fetchErrorMarks } from './fetch-error-marks.ts';
import { loadLogs } from './load-logs.ts';
import type { LogPlan } from './log-plan.ts';
import { sampleLogWindows } from './sample-log-windows.ts';

/**
 * Logs from Elasticsearch (ECS documents, field names configurable) behind the same port as the
 * file reader. Up to `fullReadMaxLogs` documents in the triage range are all read, in bundle
 * order, into the file reader's accumulator; above that, series come back as aggregations and
 * templates from a bounded stratified sample. Every failure is a typed value, never a throw.
 */
export function createEsLogSource(es: EsQuery, s: EsSettings): LogSource {
  let loading: Promise<SourceResult<LogPlan>> | undefined;
  const load = (q: SeriesQuery, signal: AbortSignal) => {
    loading ??= loadLogs(es, s, q, signal).catch((e: unknown) => esFailure(e, s.url, s.indices.logs));
    return loading;
  };
  const guard = async <T>(work: () => Promise<SourceResult<T>>): Promise<SourceResult<T>> => {
    try {
      return await work();
    } catch (e) {
      return esFailure(e, s.url, s.indices.logs);
    }
  };
  return {
    name: `elasticsearch ${s.indices.logs}`,
    series: (q, signal) =>
      guard(async () => {
        const p = await load(q, signal);
        if (p.state !== 'ok') return p;
        const v = p.value;
        if (v.kind === 'full') return { state: 'ok', value: v.acc.series() };
        const out = new Map([...v.series].map(([k, x]) => [k, { logs: x.logs, errorLogs: x.errorLogs }]));
        return { state: 'ok', value: out };
      }),
    errorMarks: (q, signal) =>
      guard(async () => {
        const p = await load(q, signal);
        if (p.state !== 'ok') return p;
        const v = p.value;
        if (v.kind === 'full') return { state: 'ok', value: v.acc.errorMarks() };
        return { state: 'ok', value: await fetchErrorMarks(es, s, v.q, v.levels, signal) };
      }),
    windowed: (baseline, incident, origins, signal) =>
      guard(async () => {
        if (!loading) throw new Error('series() must be called before windowed()');
        const p = await loading;
        if (p.state !== 'ok') return p;
        const v = p.value;
        if (v.kind === 'full') return { state: 'ok', value: v.acc.windowed(baseline, incident, origins) };
        return { state: 'ok', value: await sampleLogWindows(es, s, v, baseline, incident, origins, signal) };
      }),
  };
}
