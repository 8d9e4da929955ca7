import type { WebhookRejection } from './webhook-rejection.ts';

/** A failed verdict (shorthand). */
export function reject(
  status: WebhookRejection['status'],
  code: WebhookRejection['code'],
  field: string,
  message: string,
): { readonly ok: false; readonly error: WebhookRejection } {
  return { ok: false, error: { status, code, field, message } };
}
