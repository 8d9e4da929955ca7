import type { StepStatus } from '../storage/run-store.ts';
import type { RenderedStep } from './rendered-step.ts';

/** One executed step as the chat streams it: outcome, a one-line summary, an output excerpt, the stored output's hash. */
export type StepResult = {
  readonly runId: string;
  readonly step: RenderedStep;
  readonly status: StepStatus;
  readonly summary: string;
  /** The end of the (redacted) output, a few lines. */
  readonly excerpt: string;
  readonly exitCode: number | undefined;
  readonly durationMs: number;
  /** `sha256:…` of the full (redacted, capped) output, stored once in the audit log's payloads when large. */
  readonly outputHash: string | undefined;
  readonly timedOut: boolean;
};
