/**
 * Every action the audit log records, in one place, with what its `data` carries. Later features
 * append with these names; `audit verify` accepts only these. Add new names here (and to
 * docs/storage.md), never rename one that has been written.
 */
export const AUDIT_ACTIONS = {
  'alert.received': 'an alert arrived: source, fingerprint, name, status, labels',
  'incident.opened': 'a new incident: incidentId, title, service, asOf, fingerprint',
  'incident.joined': 'an alert joined an open incident: incidentId, fingerprint',
  'incident.resolved': 'the incident was resolved: incidentId, by whom or which alert',
  'evidence.queried': 'one evidence query: source, query, status, result summary and hash',
  'hypotheses.produced': 'a ranking: incidentId, the ranked hypothesis ids, services, scores',
  'hypotheses.revised':
    'a re-triage with late data changed the ranking: incidentId, revision, previous and current top and confidence, how much more data, the ranked hypotheses',
  'message.posted': 'a chat message posted or edited: channel, ts, text hash',
  'feedback.recorded': 'feedback on a hypothesis: incidentId, hypothesisId, verdict',
  'runbook.proposed': 'a runbook plan: runId, runbook, the rendered steps and their hashes',
  'approval.requested': 'approval asked for a step: runId, step, stepHash, required, expiresAt',
  'approval.granted': 'an approver said yes: runId, step, stepHash',
  'approval.denied': 'an approver said no: runId, step, stepHash',
  'approval.expired': 'an approval request ran out of time: runId, step',
  'approval.refused':
    'a decision the policy refused (requester, not an approver, expired, changed step, already decided): runId, step, reason',
  'step.refused': 'a step that was not run (not approved, approval expired or used, step changed): runId, step, reason',
  'run.cancelled': 'a run stopped before it finished (a rejection, a person, the step changed): runId, by, reason',
  'run.finished': 'a run ended: runId, status, each step outcome',
  'autonomy.shadow-recorded':
    'what a runbook would have run for an incident, nothing run: incidentId, runbook, hypothesisId, planHash, step hashes',
  'autonomy.scored': 'a shadow record scored against what people did: incidentId, runbook, outcome, reason',
  'autonomy.decided':
    'whether an autonomous step may run: incidentId, runId, runbook, step, allowed, every gate with value and threshold, hypothesis and evidence ids, the shadow record that earned it',
  'autonomy.announced': 'an autonomous step announced with its stop window: incidentId, runId, step, dueAt',
  'autonomy.stopped': 'a person stopped an autonomous step in its stop window: incidentId, runId, step',
  'autonomy.demoted':
    'a runbook sent back to supervised: runbook, incidentId, cause (thumbs-down, verify-failed, undo)',
  'autonomy.paused': 'the kill switch: scope (a service or all), reason',
  'autonomy.resumed': 'a kill switch lifted: the scopes',
  'autonomy.refused': 'a pause, resume or stop refused (not in an approver group): who, what',
  'page.sent': 'a page through PagerDuty Events v2: incidentId, event (trigger or resolve), dedup key, outcome',
  'step.started': 'write-ahead: an effect is about to run (effectId, kind, what exactly)',
  'step.finished': 'the effect ended: effectId, status, exit code, output hash',
  'step.outcome-unknown': 'found started but not finished after a restart; never re-run',
  'llm.called': 'one LLM call: model, prompt hash, response hash, token counts',
  'config.loaded': 'the configuration in force: its hash (secrets are never logged)',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Whether a string is a registered action name. */
export function isAuditAction(s: string): s is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, s);
}
