import type { StepStatus } from '../storage/run-store.ts';
import type { StepEvent } from './step-event.ts';

/**
 * The state machine of a run's step (`pending` is "proposed"):
 *
 * ```
 * pending ─request-approval→ awaiting-approval ─grant→ approved ─start→ running ─succeed→ succeeded
 *    │                          │  ─deny→ denied          │                    ─fail→ failed
 *    │                          │  ─expire→ expired ←─expire┘ (unused in time)
 *    │                          expired ─request-approval→ awaiting-approval (asked again)
 *    └─start (only when no approval is needed)→ running
 * pending, awaiting-approval, expired, approved ─cancel→ cancelled, ─skip→ skipped (not needed)
 * pending, approved, running ─lose→ outcome-unknown (crash recovery: the step's effect began, the
 *                                   process died before it was recorded as finished)
 * ```
 *
 * Everything else is illegal. `running` is entered only from `approved` or (for a step that needs
 * no approval) from `pending`, and never left backwards: a step runs at most once. `lose` starts
 * from every status a step can have once its effect began (`begin` comes before `start`), so
 * recovery closes a step whether or not the dead process got to mark it running. Each event has
 * one target status (`stepMove`). The store applies each transition conditionally
 * (`transitionStep(from: statusesAllowing(event))`), so concurrent callers cannot both make the
 * same move.
 */
export const STEP_TRANSITIONS: Readonly<Record<StepStatus, Partial<Readonly<Record<StepEvent, StepStatus>>>>> = {
  pending: {
    'request-approval': 'awaiting-approval',
    start: 'running',
    cancel: 'cancelled',
    skip: 'skipped',
    lose: 'outcome-unknown',
  },
  'awaiting-approval': { grant: 'approved', deny: 'denied', expire: 'expired', cancel: 'cancelled', skip: 'skipped' },
  expired: { 'request-approval': 'awaiting-approval', cancel: 'cancelled', skip: 'skipped' },
  approved: { start: 'running', expire: 'expired', cancel: 'cancelled', skip: 'skipped', lose: 'outcome-unknown' },
  running: { succeed: 'succeeded', fail: 'failed', lose: 'outcome-unknown' },
  denied: {},
  succeeded: {},
  failed: {},
  skipped: {},
  cancelled: {},
  'outcome-unknown': {},
};

/** Statuses a step never leaves. */
export const FINAL_STEP_STATUSES: readonly StepStatus[] = (Object.keys(STEP_TRANSITIONS) as StepStatus[]).filter(
  (s) => Object.keys(STEP_TRANSITIONS[s]).length === 0,
);

/**
 * The status after `event`, or undefined when the event is illegal there. `needsApproval` forbids
 * starting a step from `pending` (it must be approved first).
 */
export function nextStepStatus(current: StepStatus, event: StepEvent, needsApproval: boolean): StepStatus | undefined {
  if (current === 'pending' && event === 'start' && needsApproval) return undefined;
  if (current === 'pending' && event === 'request-approval' && !needsApproval) return undefined;
  return STEP_TRANSITIONS[current][event];
}

/** The statuses from which `event` is legal (for a conditional store transition). */
export function statusesAllowing(event: StepEvent, needsApproval: boolean): StepStatus[] {
  return (Object.keys(STEP_TRANSITIONS) as StepStatus[]).filter(
    (s) => nextStepStatus(s, event, needsApproval) !== undefined,
  );
}
