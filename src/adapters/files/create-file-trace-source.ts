import { basename } from 'node:path';
import { parseOtlpRequest } from '../../core/formats/parse-otlp-request.ts';
import type { TimeWindow } from '../../core/model/time-window.ts';
import type { TraceSource } from '../../core/ports.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../core/sources/default-max-line-bytes.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import { createTraceAccumulator, type TraceAccumulator } from '../../core/traces/create-trace-accumulator.ts';
import { describeReadError } from './describe-read-error.ts';
import { fileExists } from './file-exists.ts';
import { readNdjson } from './read-ndjson.ts';

/**
 * Traces from an OTLP/JSON file (one ExportTraceServiceRequest per line, as the OpenTelemetry
 * Collector's file exporter writes). A missing file is "no data"; a malformed line (not JSON, not
 * UTF-8, longer than `maxLineBytes`, a bad field) fails the source naming the file, line and field path.
 */
export function createFileTraceSource(path: string, maxLineBytes = DEFAULT_MAX_LINE_BYTES): TraceSource {
  let loading: Promise<SourceResult<TraceAccumulator>> | undefined;
  return {
    name: `file ${basename(path)}`,
    async series(q, marks, signal) {
      loading ??= read(path, maxLineBytes, q.range, signal);
      const r = await loading;
      if (r.state !== 'ok') return r;
      r.value.analyze(marks);
      const buckets = Math.ceil((q.range.to - q.range.from) / q.bucketMs);
      return { state: 'ok', value: r.value.series(q.range.from, q.bucketMs, buckets) };
    },
    async windowed(baseline, incident) {
      if (!loading) throw new Error('series() must be called before windowed()');
      const r = await loading;
      return r.state === 'ok' ? { state: 'ok', value: r.value.windowed(baseline, incident) } : r;
    },
  };
}

async function read(
  path: string,
  maxLineBytes: number,
  range: TimeWindow,
  signal: AbortSignal,
): Promise<SourceResult<TraceAccumulator>> {
  if (!(await fileExists(path))) return { state: 'no-data', detail: `${basename(path)} not present` };
  const acc = createTraceAccumulator(range);
  try {
    let lines = 0;
    for await (const { lineNo, value } of readNdjson(path, maxLineBytes, signal)) {
      lines++;
      const spans = parseOtlpRequest(value);
      if (!spans.ok) {
        return {
          state: 'failed',
          code: 'INPUT_INVALID',
          detail: `${basename(path)}:${lineNo}: field ${spans.error.field}: ${spans.error.message}`,
        };
      }
      for (const s of spans.value) acc.add(s);
    }
    if (lines === 0) return { state: 'no-data', detail: `${basename(path)} is empty` };
    if (acc.spanCount === 0)
      return { state: 'no-data', detail: `${basename(path)}: no span falls in the triage range` };
  } catch (e) {
    return describeReadError(path, e);
  }
  return { state: 'ok', value: acc };
}
