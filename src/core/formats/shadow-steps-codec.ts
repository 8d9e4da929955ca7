import { z } from 'zod';
import type { ShadowStep } from '../autonomy/shadow-record.ts';
import type { Result } from '../result/result.ts';
import { decodeJsonWith } from './decode-json-with.ts';
import type { FieldError } from './field-error.ts';

const stepsSchema = z.array(
  z.strictObject({ index: z.number().int().min(0), id: z.string().min(1), hash: z.string().startsWith('sha256:') }),
);

/** The stored form of a shadow record's steps (the `steps` column, JSON): decoded field by field, not cast. */
export const shadowStepsCodec = {
  encode(steps: readonly ShadowStep[]): string {
    return JSON.stringify(steps.map((s) => ({ index: s.index, id: s.id, hash: s.hash })));
  },
  decode(text: string): Result<ShadowStep[], FieldError> {
    return decodeJsonWith(stepsSchema, text, 'not shadow steps');
  },
};
