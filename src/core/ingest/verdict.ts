import type { ErrorCode } from '../errors/error-codes.ts';

/** Why a delivery was refused: the HTTP status, a registered code, the field (header or JSON path) and a message for a person. */
export type WebhookRejection = {
  readonly status: 400 | 401 | 403 | 404 | 405 | 408 | 413 | 415 | 422 | 503;
  readonly code: ErrorCode;
  readonly field: string;
  readonly message: string;
};

/** The outcome of a check on a delivery: pass, or the rejection to answer with. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly error: WebhookRejection };

/** A failed verdict (shorthand). */
export function reject(
  status: WebhookRejection['status'],
  code: WebhookRejection['code'],
  field: string,
  message: string,
): { readonly ok: false; readonly error: WebhookRejection } {
  return { ok: false, error: { status, code, field, message } };
}
