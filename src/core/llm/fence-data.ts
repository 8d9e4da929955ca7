import { hash } from 'node:crypto';
import type { JsonValue } from '../model/json-value.ts';
import type { FencedData } from './fenced-data.ts';

/**
 * Wraps untrusted data (telemetry, alert text, chat messages, tool output) as a labelled data
 * block. The value is JSON-encoded (one array item per line), so newlines, quotes and headings in
 * it stay inside strings; `</` is written `<\/` (the same JSON), so the data can never close the
 * block; and the boundary is a hash of the content, which the content cannot contain.
 */
export function fenceData(label: string, source: string, value: JsonValue): FencedData {
  const safeLabel = label.replace(/[^a-z0-9-]/gi, '');
  const safeSource = source.replace(/[^a-z0-9 _,-]/gi, '');
  const body = (
    Array.isArray(value) ? (value.length ? value.map((v) => JSON.stringify(v)).join(',\n') : '') : JSON.stringify(value)
  ).replaceAll('</', '<\\/');
  const id = hash('sha256', `${safeLabel}\n${body}`, 'hex').slice(0, 16);
  const inner = Array.isArray(value) ? `[\n${body}\n]` : body;
  const text =
    `<data name="${safeLabel}" source="${safeSource}" trust="untrusted" boundary="${id}">\n` +
    `${inner.replaceAll(id, '[boundary]')}\n</data boundary="${id}">`;
  return { text, label: safeLabel } as FencedData;
}
