import type { StepStatus } from '../storage/run-store.ts';
import type { StepEvent } from './step-event.ts';
import { STEP_TRANSITIONS, statusesAllowing } from './step-transitions.ts';

/** A conditional step transition for the store: the statuses it may start from, and where it goes. */
export type StepMove = { readonly from: readonly StepStatus[]; readonly to: StepStatus };

/**
 * The store move for `event`, from the state machine: `from` is every status where the event is
 * legal (`needsApproval`, default true, forbids starting from `pending`), narrowed to `only` when
 * the caller knows the step's status (e.g. an approval request that expired: `awaiting-approval`);
 * an `only` the event is illegal from gives an empty `from`, which moves nothing.
 */
export function stepMove(
  event: StepEvent,
  o: { readonly needsApproval?: boolean; readonly only?: StepStatus } = {},
): StepMove {
  const allowed = statusesAllowing(event, o.needsApproval ?? true);
  const from = o.only === undefined ? allowed : allowed.filter((s) => s === o.only);
  const to = (Object.keys(STEP_TRANSITIONS) as StepStatus[])
    .map((s) => STEP_TRANSITIONS[s][event])
    .find((t) => t !== undefined) as StepStatus;
  return { from, to };
}
