import type { ErrorCode } from '../../core/errors/error-codes.ts';
import type { RenderedStep } from '../../core/runbooks/rendered-step.ts';
import type { StepResult } from '../../core/runbooks/step-result.ts';

/**
 * What asking a step to run came to: it ran (succeeded or failed, with its result); it needs
 * approval first; it was skipped (it already ran or is running elsewhere, or the run was cancelled
 * meanwhile — it will not run twice); or it was refused (the step changed since it was approved,
 * the approval expired, the run is over, a verify or rollback step whose step did not succeed or
 * fail) with a code.
 */
export type StepExecution =
  | { readonly outcome: 'succeeded' | 'failed'; readonly result: StepResult }
  | { readonly outcome: 'needs-approval'; readonly step: RenderedStep }
  | {
      readonly outcome: 'skipped';
      readonly step: RenderedStep;
      readonly reason: 'already-ran' | 'running' | 'cancelled';
    }
  | {
      readonly outcome: 'refused';
      readonly reason: 'unknown' | 'step-changed' | 'approval-expired' | 'not-approved' | 'run-over' | 'out-of-order';
      readonly code: ErrorCode;
      readonly message: string;
    };
