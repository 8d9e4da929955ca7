import type { z } from 'zod';
import type { Result } from '../result/result.ts';
import { decodeWith } from './decode-with.ts';
import type { FieldError } from './field-error.ts';

/** A stored JSON text checked against its schema (decodeWith), `not JSON` when it does not parse. */
export function decodeJsonWith<T>(schema: z.ZodType<T>, text: string, what: string): Result<T, FieldError> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, error: { field: '(document)', message: 'not JSON' } };
  }
  return decodeWith(schema, doc, what);
}
