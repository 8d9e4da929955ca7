import type { JsonValue } from '../model/json-value.ts';

/**
 * Shrinks a tool result to at most `max` characters of JSON by dropping items from the end of
 * its longest list (saying how many were left out); a result that still does not fit is clipped
 * as text. The model is told when something was cut.
 */
export function fitJson(value: JsonValue, max: number): JsonValue {
  if (JSON.stringify(value).length <= max) return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj: Record<string, JsonValue> = { ...(value as Record<string, JsonValue>) };
    const lists = Object.entries(obj).filter(([, v]) => Array.isArray(v)) as [string, JsonValue[]][];
    if (lists.length) {
      const [key, list] = lists.reduce((a, b) => (JSON.stringify(b[1]).length > JSON.stringify(a[1]).length ? b : a));
      const items = [...list];
      let cut = 0;
      while (items.length && JSON.stringify({ ...obj, [key]: items, truncated: '' }).length > max - 60) {
        items.pop();
        cut++;
      }
      const out = { ...obj, [key]: items, truncated: `${cut} more ${key} not shown (output limit)` };
      if (JSON.stringify(out).length <= max) return out;
    }
  }
  const text = JSON.stringify(value);
  return { truncatedJson: `${text.slice(0, Math.max(0, max - 80))}…`, note: 'output clipped at the limit' };
}
