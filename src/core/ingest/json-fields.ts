import type { FieldError } from '../formats/field-error.ts';
import { parseTimestamp, type TimestampForms } from '../formats/parse-timestamp.ts';
import type { Result } from '../result/result.ts';

/** Small readers for untrusted JSON, shared by the normalisers. */
export const jsonFields = {
  isObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  },
  /** A non-empty string, else undefined. */
  text(v: unknown): string | undefined {
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  },
  /** The string values of an object (others dropped). */
  stringMap(v: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (!jsonFields.isObject(v)) return out;
    for (const [k, val] of Object.entries(v)) {
      if (typeof val === 'string') out[k] = val;
      else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
    }
    return out;
  },
  /**
   * A time, by the one parser for times that sources send (`parseTimestamp`: a real date in the
   * years 1970–9999), or the error naming the field and why — with how the sender sets it, when given.
   */
  time(v: unknown, forms: TimestampForms, field: string, hint?: string): Result<number, FieldError> {
    const t = parseTimestamp(v, forms);
    return t.ok ? t : jsonFields.fail(field, hint ? `${t.error} (${hint})` : t.error);
  },
  fail(field: string, message: string): { readonly ok: false; readonly error: FieldError } {
    return { ok: false, error: { field, message } };
  },
};
