import type { TraceSource } from '../../core/ports.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import type { EsQuery } from './create-es-query.ts';
import { esFailure } from './es-failure.ts';
import type { EsSettings } from './es-settings.ts';
import { loadTraces } from './load-traces.ts';
import type { MarksFor } from './marks-for.ts';
import { sampleTraceWindows } from './sample-trace-windows.ts';
import type { TracePlan } from './trace-plan.ts';

/**
 * Traces from Elasticsearch (Elastic APM or OTel-native documents) behind the same port as the
 * OTLP file reader. Up to `fullReadMaxSpans` spans in the triage range are all read, in bundle
 * order, into the file reader's accumulator; above that, series come back as aggregations and
 * the windows from a bounded stratified sample of whole traces (with `marksFor`, the error logs
 * of exactly those traces). Failures are typed values.
 */
export function createEsTraceSource(es: EsQuery, s: EsSettings, marksFor?: MarksFor): TraceSource {
  let loading: Promise<SourceResult<TracePlan>> | undefined;
  const guard = async <T>(work: () => Promise<SourceResult<T>>): Promise<SourceResult<T>> => {
    try {
      return await work();
    } catch (e) {
      return esFailure(e, s.url, s.indices.traces);
    }
  };
  return {
    name: `elasticsearch ${s.indices.traces} (${s.traceFields.schema})`,
    series: (q, marks, signal) =>
      guard(async () => {
        loading ??= loadTraces(es, s, q, signal).catch((e: unknown) => esFailure(e, s.url, s.indices.traces));
        const p = await loading;
        if (p.state !== 'ok') return p;
        const v = p.value;
        if (v.kind === 'sampled') {
          v.marks = marks;
          return { state: 'ok', value: new Map(v.series) };
        }
        v.acc.analyze(marks);
        const buckets = Math.ceil((q.range.to - q.range.from) / q.bucketMs);
        return { state: 'ok', value: v.acc.series(q.range.from, q.bucketMs, buckets) };
      }),
    windowed: (baseline, incident, signal) =>
      guard(async () => {
        if (!loading) throw new Error('series() must be called before windowed()');
        const p = await loading;
        if (p.state !== 'ok') return p;
        const v = p.value;
        if (v.kind === 'full') return { state: 'ok', value: v.acc.windowed(baseline, incident) };
        return { state: 'ok', value: await sampleTraceWindows(es, s, v, baseline, incident, signal, marksFor) };
      }),
  };
}
