import { basename } from 'node:path';
import { parseChangeEvent } from '../../core/formats/parse-change-event.ts';
import type { ChangeEvent } from '../../core/model/change-event.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../core/sources/default-max-line-bytes.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import { describeReadError } from './describe-read-error.ts';
import { fileExists } from './file-exists.ts';
import { jsonElementLines } from './json-element-lines.ts';
import { readBoundedText } from './read-bounded-text.ts';

/** Reads and validates every change in a changes.json file (UTF-8, no line longer than `maxLineBytes`). */
export async function readChanges(
  path: string,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  signal?: AbortSignal,
): Promise<SourceResult<ChangeEvent[]>> {
  const file = basename(path);
  if (!(await fileExists(path))) return { state: 'no-data', detail: `${file} not present` };
  let text: string;
  try {
    text = await readBoundedText(path, maxLineBytes, signal);
  } catch (e) {
    return describeReadError(path, e);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { state: 'failed', code: 'INPUT_INVALID', detail: `${file}: not valid JSON (${(e as Error).message})` };
  }
  if (!Array.isArray(doc))
    return { state: 'failed', code: 'INPUT_INVALID', detail: `${file}: expected a JSON array of change events` };
  const lines = jsonElementLines(text);
  const out: ChangeEvent[] = [];
  for (let i = 0; i < doc.length; i++) {
    const r = parseChangeEvent(doc[i]);
    if (!r.ok) {
      return {
        state: 'failed',
        code: 'INPUT_INVALID',
        detail: `${file}:${lines[i] ?? '?'}: record [${i}] field ${r.error.field}: ${r.error.message}`,
      };
    }
    out.push(r.value);
  }
  return out.length > 0 ? { state: 'ok', value: out } : { state: 'no-data', detail: `${file} is empty` };
}
