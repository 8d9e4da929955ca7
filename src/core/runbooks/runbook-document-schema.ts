import { z } from 'zod';
import { FAULT_KINDS } from '../model/fault-kind.ts';
import { AUTONOMY_LEVELS } from './autonomy-level.ts';
import { parseDuration } from './parse-duration.ts';
import { RISKS } from './risk.ts';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const id = (what: string) =>
  z
    .string({ error: `expected ${what} (lower-case letters, digits and -)` })
    .regex(ID, { error: `expected ${what} (lower-case letters, digits and -, at most 64)` });
const duration = z
  .string({ error: 'expected a duration such as 30s, 5m or 1h' })
  .refine((s) => parseDuration(s) !== undefined, { error: 'expected a duration such as 30s, 5m or 1h' });
const words = (what: string) =>
  z.array(z.string({ error: `expected ${what}` }).min(1), { error: `expected a list of ${what}` });

const autonomy = z.enum(AUTONOMY_LEVELS, { error: 'expected advisory, supervised or autonomous' });

const approval = z.union(
  [
    z.literal('none'),
    z.strictObject({
      min: z.number().int().min(1, { error: 'at least 1' }).max(10, { error: 'at most 10' }).optional(),
      from: words('approver group names').min(1, { error: 'name at least one approver group' }).optional(),
    }),
  ],
  { error: 'expected none, or {min: N, from: [group, …]}' },
);

const stepFields = {
  id: id('a step id'),
  name: z.string({ error: 'expected a short description of the step' }).min(1).max(200),
  uses: z.string({ error: 'expected an executor: http, command, kubectl, elasticsearch, check or wait' }).min(1),
  with: z.record(z.string(), z.unknown(), { error: "expected a mapping of the executor's arguments" }).default({}),
  risk: z.enum(RISKS, { error: 'expected read, low or high' }).optional(),
  approval: approval.optional(),
  timeout: duration.optional(),
};

/** A verify or rollback step: no nested verify, rollback or onFailure. */
export const nestedStepSchema = z.strictObject(stepFields);

export const stepSchema = z.strictObject({
  ...stepFields,
  onFailure: z.enum(['stop', 'continue', 'rollback'], { error: 'expected stop, continue or rollback' }).default('stop'),
  /** Default: the runbook's. Only main steps: their verify and rollback steps go with them. */
  autonomy: autonomy.optional(),
  verify: nestedStepSchema.optional(),
  rollback: z.array(nestedStepSchema, { error: 'expected a list of steps' }).default([]),
});

export const paramSchema = z.strictObject({
  type: z.enum(['string', 'int', 'enum', 'duration'], { error: 'expected string, int, enum or duration' }),
  description: z.string().optional(),
  pattern: z.string({ error: 'expected a regular expression' }).optional(),
  maxLength: z.number().int().min(1).optional(),
  min: z.union([z.number(), z.string()]).optional(),
  max: z.union([z.number(), z.string()]).optional(),
  values: z.array(z.string().min(1), { error: 'expected the allowed values' }).min(1).optional(),
  default: z.union([z.string(), z.number()], { error: 'expected a value' }).optional(),
  from: z
    .string({
      error:
        'expected alert.labels.NAME, alert.service, alert.name, hypothesis.service, hypothesis.kind or hypothesis.changeId',
    })
    .optional(),
});

/** The shape of a runbook file, before the checks that need the executors and the approval policy. */
export const runbookDocumentSchema = z.strictObject({
  id: id('the runbook id'),
  title: z.string({ error: 'expected a title' }).min(1).max(120),
  description: z.string({ error: 'expected a description' }).default(''),
  autonomy: autonomy.default('supervised'),
  match: z
    .strictObject({
      alerts: words('alert names').default([]),
      labels: z
        .record(z.string(), z.union([z.string(), words('label values')]), {
          error: 'expected a mapping of label names to a value or a list of values',
        })
        .default({}),
      services: words('service names').default([]),
      kinds: z
        .array(z.enum(FAULT_KINDS, { error: `expected hypothesis kinds: ${FAULT_KINDS.join(', ')}` }))
        .default([]),
      top: z.number().int().min(1).max(10).default(3),
      /** Autonomy only: the calibrated probability the top hypothesis needs (default autonomy.minProbability). */
      minProbability: z
        .number({ error: 'expected a probability between 0 and 1' })
        .min(0, { error: 'expected a probability between 0 and 1' })
        .max(1, { error: 'expected a probability between 0 and 1' })
        .optional(),
    })
    .optional(),
  params: z
    .record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'parameter names are words (letters, digits, _)' }),
      paramSchema,
      {
        error: 'expected a mapping of parameter names to their specs',
      },
    )
    .default({}),
  steps: z
    .array(stepSchema, { error: 'expected a list of steps' })
    .min(1, { error: 'a runbook needs at least one step' }),
});

export type RunbookDocument = z.infer<typeof runbookDocumentSchema>;
export type StepDocument = z.infer<typeof stepSchema>;
export type NestedStepDocument = z.infer<typeof nestedStepSchema>;
