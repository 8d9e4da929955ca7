import type { FieldError } from '../formats/field-error.ts';
import type { Result } from '../result/result.ts';
import type { CredentialHeaders } from './credential-headers.ts';
import type { NormalizedDelivery } from './normalized-delivery.ts';
import type { Verdict } from './verdict.ts';
import type { WebhookRequest } from './webhook-request.ts';

/**
 * One webhook endpoint: who may call it (`verify`, on the raw body, before anything is parsed)
 * and how its JSON becomes alerts or change events (`normalize`, errors naming the field).
 */
export type WebhookSource = {
  /** Lower-case name: the URL segment, the metrics label and the audit actor (`webhook:<name>`). */
  readonly name: string;
  readonly kind: 'alerts' | 'changes';
  /** How callers authenticate, for docs and the 401 message (e.g. "HMAC X-Hub-Signature-256"). */
  readonly auth: string;
  /** Where the credential travels: its presence and form are checked before the body is read. */
  readonly credential: CredentialHeaders;
  verify(req: WebhookRequest): Verdict;
  normalize(doc: unknown, req: WebhookRequest): Result<NormalizedDelivery, FieldError>;
  /** For sources whose only timestamp is inside the signed body: the replay check, after a successful normalize. */
  checkFreshness?(doc: unknown, req: WebhookRequest): Verdict;
};
