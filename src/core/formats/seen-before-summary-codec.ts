import { z } from 'zod';
import { FAULT_KINDS } from '../model/fault-kind.ts';
import type { Result } from '../result/result.ts';
import type { SeenBeforeSummary } from '../storage/seen-before-store.ts';
import { decodeJsonWith } from './decode-json-with.ts';
import type { FieldError } from './field-error.ts';

const summarySchema = z.object({
  title: z.string(),
  service: z.string().optional(),
  cause: z.string().optional(),
  confirmed: z.boolean(),
  fixedBy: z.string().optional(),
  // Absent on incidents kept before the cause was stored as data.
  rootCause: z
    .strictObject({
      service: z.string().min(1),
      kind: z.enum(FAULT_KINDS),
      confirmedBy: z.enum(['feedback', 'runbook', 'unconfirmed']),
    })
    .optional(),
});

/** The stored form of a "seen before" summary (the `summary` column, JSON): decoded field by field, not cast. */
export const seenBeforeSummaryCodec = {
  encode(s: SeenBeforeSummary): string {
    return JSON.stringify(s);
  },
  decode(text: string): Result<SeenBeforeSummary, FieldError> {
    const parsed = decodeJsonWith(summarySchema, text, 'not a summary');
    if (!parsed.ok) return parsed;
    const d = parsed.value;
    return {
      ok: true,
      value: {
        title: d.title,
        service: d.service,
        cause: d.cause,
        confirmed: d.confirmed,
        fixedBy: d.fixedBy,
        ...(d.rootCause ? { rootCause: d.rootCause } : {}),
      },
    };
  },
};
