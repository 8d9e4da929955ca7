import type { ErrorCode } from '../../core/errors/error-codes.ts';
import type { RenderedStep } from '../../core/runbooks/rendered-step.ts';
import type { StepResult } from '../../core/runbooks/step-result.ts';
import type { Run } from '../../core/storage/run-store.ts';

/**
 * Where a run stands after `advanceRun`: waiting for approval of a step, a step running elsewhere
 * (another replica or click), finished (the run's final status is in `run.status`), or refused
 * (with a code: the step changed, the approval expired …). `executed` lists what this call ran.
 */
export type RunAdvance = {
  readonly state: 'needs-approval' | 'in-progress' | 'finished' | 'refused';
  /** Undefined only when the run does not exist (refused, RUN_NOT_FOUND). */
  readonly run: Run | undefined;
  readonly executed: readonly StepResult[];
  /** needs-approval: the step the run waits for. */
  readonly waitingFor?: RenderedStep;
  readonly code?: ErrorCode;
  readonly message?: string;
};
