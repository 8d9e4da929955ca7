import { basename } from 'node:path';
import { parseEcsLog } from '../../core/formats/parse-ecs-log.ts';
import { plural } from '../../core/formats/plural.ts';
import type { LogSource, SeriesQuery } from '../../core/ports.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../core/sources/default-max-line-bytes.ts';
import { createLogAccumulator, type LogAccumulator } from '../../core/telemetry/create-log-accumulator.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import { describeReadError } from './describe-read-error.ts';
import { fileExists } from './file-exists.ts';
import { readNdjson } from './read-ndjson.ts';

/**
 * Logs from an ECS NDJSON file (a bundle's logs.ndjson), streamed once into per-service counts
 * and templates. A missing file is "no data"; a malformed line (not JSON, not UTF-8, longer than
 * `maxLineBytes`, a bad field) fails the source naming the file, line and field.
 */
export function createFileLogSource(path: string, maxLineBytes = DEFAULT_MAX_LINE_BYTES): LogSource {
  let loading: Promise<SourceResult<LogAccumulator>> | undefined;
  const load = (q: SeriesQuery, signal: AbortSignal) => {
    loading ??= read(path, maxLineBytes, q, signal);
    return loading;
  };
  return {
    name: `file ${basename(path)}`,
    async series(q, signal) {
      const r = await load(q, signal);
      return r.state === 'ok' ? { state: 'ok', value: r.value.series() } : r;
    },
    async errorMarks(q, signal) {
      const r = await load(q, signal);
      return r.state === 'ok' ? { state: 'ok', value: r.value.errorMarks() } : r;
    },
    async windowed(baseline, incident, origins) {
      if (!loading) throw new Error('series() must be called before windowed()');
      const r = await loading;
      return r.state === 'ok' ? { state: 'ok', value: r.value.windowed(baseline, incident, origins) } : r;
    },
  };
}

async function read(
  path: string,
  maxLineBytes: number,
  q: SeriesQuery,
  signal: AbortSignal,
): Promise<SourceResult<LogAccumulator>> {
  if (!(await fileExists(path))) return { state: 'no-data', detail: `${basename(path)} not present` };
  const acc = createLogAccumulator(q.range, q.bucketMs);
  try {
    let lines = 0;
    for await (const { lineNo, value } of readNdjson(path, maxLineBytes, signal)) {
      lines++;
      const rec = parseEcsLog(value);
      if (!rec.ok) {
        return {
          state: 'failed',
          code: 'INPUT_INVALID',
          detail: `${basename(path)}:${lineNo}: field ${rec.error.field}: ${rec.error.message}`,
        };
      }
      acc.add(rec.value);
    }
    if (lines === 0) return { state: 'no-data', detail: `${basename(path)} is empty` };
    if (acc.lineCount === 0)
      return {
        state: 'no-data',
        detail: `${basename(path)}: none of ${plural(lines, 'line')} falls in the triage range`,
      };
  } catch (e) {
    return describeReadError(path, e);
  }
  return { state: 'ok', value: acc };
}
