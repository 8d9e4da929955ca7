import type { z } from 'zod';
import type { Result } from '../result/result.ts';
import type { FieldError } from './field-error.ts';

/** A stored document checked against its schema: the parsed value, or the first field that is wrong (`what` when none is named). */
export function decodeWith<T>(schema: z.ZodType<T>, doc: unknown, what: string): Result<T, FieldError> {
  const parsed = schema.safeParse(doc);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    error: { field: issue?.path.length ? issue.path.join('.') : '(document)', message: issue?.message ?? what },
  };
}
