import type { JsonValue } from '../model/json-value.ts';
import type { Redactor } from './create-redactor.ts';

/** Applies a redactor to every string in a JSON value (keys are ours and are kept). */
export function redactJson(value: JsonValue, redact: Redactor): JsonValue {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, redact));
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(value as { readonly [k: string]: JsonValue })) out[k] = redactJson(v, redact);
  return out;
}
