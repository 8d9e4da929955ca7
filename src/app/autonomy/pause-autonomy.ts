import type { AuditActor } from '../../core/audit/audit-actor.ts';
import type { Pause } from '../../core/autonomy/pause.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';
import { isApprover } from './is-approver.ts';

export type KillSwitchInput = {
  /** The Slack user id (U…). */
  readonly user: string;
  readonly userGroups: readonly string[];
  /** A service, or `all`. */
  readonly scope: string;
  readonly reason: string;
};

/**
 * The kill switch (`/causeway pause [service|all] [reason]`): only members of an approver group;
 * while a pause is in force, autonomous runbooks on that service (or all) fall back to supervised.
 * Audited (`autonomy.paused`, or `autonomy.refused` with who asked).
 */
export async function pauseAutonomy(
  deps: Pick<AutonomyDeps, 'autonomy' | 'audit' | 'policy' | 'now'>,
  input: KillSwitchInput,
): Promise<Result<Pause, CausewayError>> {
  const by: AuditActor = `slack:${input.user}`;
  if (!isApprover(deps.policy, input.user, input.userGroups)) {
    await deps.audit.append({
      actor: by,
      action: 'autonomy.refused',
      subject: `autonomy:${input.scope}`,
      data: { what: 'pause', scope: input.scope, reason: 'not-approver' },
    });
    return {
      ok: false,
      error: { code: 'APPROVAL_FORBIDDEN', message: 'only members of an approver group may pause autonomy' },
    };
  }
  const pause: Pause = { scope: input.scope, by, reason: input.reason || 'no reason given', at: deps.now() };
  await deps.autonomy.pause(pause);
  await deps.audit.append({
    actor: by,
    action: 'autonomy.paused',
    subject: `autonomy:${input.scope}`,
    data: { scope: pause.scope, reason: pause.reason },
  });
  return { ok: true, value: pause };
}
