import { z } from 'zod';
import type { JsonObject, JsonValue } from '../model/json-value.ts';
import type { Result } from '../result/result.ts';
import type { RenderedStep } from '../runbooks/rendered-step.ts';
import type { RunPlan } from '../runbooks/run-plan.ts';
import { decodeWith } from './decode-with.ts';
import type { FieldError } from './field-error.ts';

/** A run's plan as stored with the run: the plan, and the hypothesis it was proposed for. */
export type StoredRunPlan = { readonly plan: RunPlan; readonly hypothesisId: string | undefined };

const stepSchema = z.object({
  index: z.number().int(),
  id: z.string(),
  role: z.enum(['main', 'verify', 'rollback']),
  parent: z.number().int().nullish(),
  name: z.string(),
  uses: z.string(),
  risk: z.enum(['read', 'low', 'high']),
  approval: z.object({ min: z.number().int(), from: z.array(z.string()) }).nullish(),
  timeoutMs: z.number(),
  onFailure: z.enum(['stop', 'continue', 'rollback']),
  action: z.record(z.string(), z.json()),
  display: z.array(z.string()),
  hash: z.string(),
});

const planSchema = z.object({
  runbookId: z.string(),
  title: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  paramSources: z.record(z.string(), z.string()),
  steps: z.array(stepSchema),
  hypothesisId: z.string().optional(),
});

function toStep(s: z.infer<typeof stepSchema>): RenderedStep {
  return {
    index: s.index,
    id: s.id,
    role: s.role,
    parent: s.parent ?? undefined,
    name: s.name,
    uses: s.uses,
    risk: s.risk,
    approval: s.approval ?? undefined,
    timeoutMs: s.timeoutMs,
    onFailure: s.onFailure,
    // z.json() checked it is JSON; its inferred type is mutable, JsonObject is the read-only view.
    action: s.action as JsonObject,
    display: s.display,
    hash: s.hash,
  };
}

/**
 * The stored form of a runbook run's plan (the `plan` column of `runs`, canonical JSON): the
 * resolved parameters, every rendered step (the hashes approvals bind to) and the hypothesis.
 * `decode` checks every field, so a run read back is a `RunPlan`, not a cast.
 */
export const runPlanCodec = {
  encode(s: StoredRunPlan): JsonObject {
    const doc = { ...s.plan, ...(s.hypothesisId !== undefined ? { hypothesisId: s.hypothesisId } : {}) };
    // Drops undefined members (a step without approval or parent): JSON has none.
    return JSON.parse(JSON.stringify(doc)) as JsonObject;
  },

  decode(doc: JsonValue | undefined): Result<StoredRunPlan, FieldError> {
    const parsed = decodeWith(planSchema, doc, 'not a stored run plan');
    if (!parsed.ok) return parsed;
    const p = parsed.value;
    return {
      ok: true,
      value: {
        plan: {
          runbookId: p.runbookId,
          title: p.title,
          params: p.params,
          paramSources: p.paramSources,
          steps: p.steps.map(toStep),
        },
        hypothesisId: p.hypothesisId,
      },
    };
  },
};
