import type { AuditActor } from '../../core/audit/audit-actor.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import type { Countdown } from '../../core/storage/autonomy-store.ts';
import { cancelRun } from '../runbooks/cancel-run.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';
import { isRunbookApprover } from './is-approver.ts';

/**
 * [Stop] in an autonomous step's stop window: anyone in the step's approver groups (else any
 * approver group) stops it — conditionally, so a stop and the claim cannot both win — and the run
 * is cancelled: nothing of it runs. Audited (`autonomy.stopped`, or `autonomy.refused`).
 */
export async function stopCountdown(
  deps: Pick<AutonomyDeps, 'autonomy' | 'runs' | 'audit' | 'catalog' | 'policy' | 'now'>,
  input: { readonly runId: string; readonly user: string; readonly userGroups: readonly string[] },
): Promise<Result<Countdown, CausewayError>> {
  const by: AuditActor = `slack:${input.user}`;
  const c = await deps.autonomy.countdown(input.runId);
  if (!c) return { ok: false, error: { code: 'RUN_NOT_FOUND', message: `no autonomous run ${input.runId}` } };
  if (!isRunbookApprover(deps, c.runbook, input.user, input.userGroups)) {
    await deps.audit.append({
      actor: by,
      action: 'autonomy.refused',
      subject: `run:${c.runId}`,
      data: { incidentId: c.incidentId, what: 'stop', runId: c.runId, reason: 'not-approver' },
    });
    return {
      ok: false,
      error: { code: 'APPROVAL_FORBIDDEN', message: "only the runbook's approver groups may stop it" },
    };
  }
  const stopped = await deps.autonomy.moveCountdown(c.runId, 'counting', 'stopped', deps.now(), by);
  if (!stopped)
    return {
      ok: false,
      error: {
        code: 'APPROVAL_STALE',
        message: c.state === 'stopped' ? 'it was already stopped' : 'too late: it has already started',
      },
    };
  await deps.audit.append({
    actor: by,
    action: 'autonomy.stopped',
    subject: `run:${c.runId}`,
    data: { incidentId: c.incidentId, runId: c.runId, step: c.step, reason: 'stopped in its stop window' },
  });
  await cancelRun(deps, { runId: c.runId, by, reason: 'stopped in its autonomous stop window' });
  return { ok: true, value: stopped };
}
