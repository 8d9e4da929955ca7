import type { ErrorCode } from '../../core/errors/error-codes.ts';

export type EsFailure = { readonly state: 'failed'; readonly code: ErrorCode; readonly detail: string };

/** Thrown by a query step to stop a connector with a typed failure (caught at the connector's edge, never beyond). */
export class EsFailureError extends Error {
  readonly failure: EsFailure;
  constructor(failure: EsFailure) {
    super(failure.detail);
    this.failure = failure;
  }
}
