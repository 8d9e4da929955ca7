import type { ErrorCode } from '../errors/error-codes.ts';

/** Why a delivery was refused: the HTTP status, a registered code, the field (header or JSON path) and a message for a person. */
export type WebhookRejection = {
  readonly status: 400 | 401 | 403 | 404 | 405 | 408 | 413 | 415 | 422 | 503;
  readonly code: ErrorCode;
  readonly field: string;
  readonly message: string;
};
