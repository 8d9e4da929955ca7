import type { CausewayError } from '../../core/errors/causeway-error.ts';

/** A failed request, classified: the error to report, whether to retry, how long to wait, and whether json_schema was refused. */
export type ClassifiedError = {
  readonly error: CausewayError;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly schemaUnsupported: boolean;
};
