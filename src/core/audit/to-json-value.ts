import type { JsonValue } from '../model/json-value.ts';

/**
 * Turns any value into a plain `JsonValue` the way `JSON.stringify` would see it (`toJSON` is
 * honoured, `undefined` and functions dropped from objects and written `null` in arrays,
 * non-finite numbers become `null`), except that a bigint becomes its decimal string instead of
 * throwing. Cycles are cut with the string "[circular]".
 */
export function toJsonValue(value: unknown): JsonValue {
  return convert(value, new Set()) ?? null;
}

function convert(value: unknown, seen: Set<object>): JsonValue | undefined {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  const obj = value as { toJSON?: () => unknown };
  if (typeof obj.toJSON === 'function') return convert(obj.toJSON(), seen);
  if (seen.has(obj)) return '[circular]';
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return obj.map((v) => convert(v, seen) ?? null);
    if (obj instanceof Map) return convert(Object.fromEntries(obj), seen);
    if (obj instanceof Set) return convert([...obj], seen);
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(obj)) {
      const c = convert(v, seen);
      if (c !== undefined) out[k] = c;
    }
    return out;
  } finally {
    seen.delete(obj);
  }
}
