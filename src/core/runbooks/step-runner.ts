import type { JsonObject } from '../model/json-value.ts';
import type { StepRunOutcome } from './step-run-outcome.ts';

/** Runs one rendered action (the executor's half that touches the world), within `timeoutMs`, stopping on `signal`. */
export type StepRunner = (
  action: JsonObject,
  ctx: { readonly timeoutMs: number; readonly signal: AbortSignal },
) => Promise<StepRunOutcome>;
