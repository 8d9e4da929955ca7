import type { JsonValue } from '../model/json-value.ts';
import type { PayloadRef } from './payload-ref.ts';

/** Every payload reference inside a JSON value, in document order. */
export function collectPayloadRefs(value: JsonValue, out: PayloadRef[] = []): PayloadRef[] {
  if (value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) collectPayloadRefs(v, out);
    return out;
  }
  const obj = value as { readonly [key: string]: JsonValue };
  const ref = obj.$payload;
  if (typeof ref === 'string' && typeof obj.bytes === 'number')
    out.push({ $payload: ref, bytes: obj.bytes, ...(obj.stored === false ? { stored: false as const } : {}) });
  else for (const v of Object.values(obj)) collectPayloadRefs(v, out);
  return out;
}
