/**
 * What can happen to a step: approval asked, granted (the policy is met), denied (one rejection),
 * expired; started, finished, lost (the process died while it ran); cancelled; skipped (a step
 * the run did not need, e.g. a rollback after success).
 */
export type StepEvent =
  | 'request-approval'
  | 'grant'
  | 'deny'
  | 'expire'
  | 'start'
  | 'succeed'
  | 'fail'
  | 'lose'
  | 'cancel'
  | 'skip';
