/**
 * The `action_id`s of the runbook messages (plan card, approval card). All start with
 * `causeway_run_` — distinct from the incident message's `causeway_runbook_<n>` buttons that open a
 * plan. Approve and Reject carry the step index: `causeway_run_approve_2` (unique per message).
 * Every value is `encodeRunbookActionValue(...)`: `{"r":runId}` or, for Approve/Reject,
 * `{"r":runId,"s":step,"h":stepHash}`.
 */
export const RUNBOOK_ACTION_IDS = {
  /** Plan card: ask for the approvals the plan needs (posts the approval card). */
  requestApproval: 'causeway_run_request_approval',
  /** Plan card of a plan that needs no approval: run it now. */
  start: 'causeway_run_start',
  /** Plan or approval card: cancel the run. */
  cancel: 'causeway_run_cancel',
  /** Approval card, followed by the step index. */
  approvePrefix: 'causeway_run_approve_',
  rejectPrefix: 'causeway_run_reject_',
  /** Autonomous step announcement: stop it in its stop window (docs/autonomy.md). */
  stop: 'causeway_run_stop',
  /** After an autonomous step ran and verified: run its rollback on request. */
  undo: 'causeway_run_undo',
} as const;

/** The `block_id`s of the runbook cards (updates find blocks by them). */
export const RUNBOOK_BLOCK_IDS = {
  planActions: 'causeway_run_plan_actions',
  approvalActionsPrefix: 'causeway_run_approval_actions_',
  countdownActions: 'causeway_run_countdown_actions',
} as const;
