import type { JsonObject } from '../model/json-value.ts';

/** How running one rendered action ended (a value: runners never throw for the outside world saying no). */
export type StepRunOutcome = {
  readonly status: 'succeeded' | 'failed';
  /** The process exit code, or the HTTP status. */
  readonly exitCode?: number;
  /** What it printed or answered, cut at the output cap (secrets are redacted after, by the caller). */
  readonly output: string;
  /** Bytes of output dropped at the cap. */
  readonly truncatedBytes: number;
  readonly timedOut: boolean;
  /** A one-line reason for a person (`exit code 1`, `HTTP 503, expected 2xx`, `timed out after 30s`). */
  readonly summary: string;
  readonly detail?: JsonObject;
};
