import type { WebhookRejection } from './webhook-rejection.ts';

/** The outcome of a check on a delivery: pass, or the rejection to answer with. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly error: WebhookRejection };
