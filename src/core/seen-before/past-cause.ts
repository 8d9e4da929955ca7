import type { FaultKind } from '../model/fault-kind.ts';

/**
 * A past incident's root cause as its records tell it: the service and fault kind, and who settled
 * it — people (`feedback`: more 👍 than 👎 on it), a runbook run proposed for it that succeeded
 * (`runbook`), or nobody (`unconfirmed`: it only led the ranking).
 */
export type PastCause = {
  readonly service: string;
  readonly kind: FaultKind;
  readonly confirmedBy: 'feedback' | 'runbook' | 'unconfirmed';
};
