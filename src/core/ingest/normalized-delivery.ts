import type { Alert } from '../model/alert.ts';
import type { ChangeEvent } from '../model/change-event.ts';

/** What a verified, parsed delivery says: alerts, change events, or nothing to act on (with why). */
export type NormalizedDelivery =
  | { readonly kind: 'alerts'; readonly alerts: readonly Alert[] }
  | { readonly kind: 'changes'; readonly changes: readonly ChangeEvent[] }
  | { readonly kind: 'ignored'; readonly reason: string };
