import type { AuditActor } from '../../core/audit/audit-actor.ts';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { Result } from '../../core/result/result.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';
import { isApprover } from './is-approver.ts';

/**
 * `/causeway resume [service|all]`: lifts one pause, or (without a scope) every pause; only members
 * of an approver group. Audited (`autonomy.resumed` with the scopes lifted, or `autonomy.refused`).
 */
export async function resumeAutonomy(
  deps: Pick<AutonomyDeps, 'autonomy' | 'audit' | 'policy'>,
  input: { readonly user: string; readonly userGroups: readonly string[]; readonly scope: string | undefined },
): Promise<Result<string[], CausewayError>> {
  const by: AuditActor = `slack:${input.user}`;
  if (!isApprover(deps.policy, input.user, input.userGroups)) {
    await deps.audit.append({
      actor: by,
      action: 'autonomy.refused',
      subject: `autonomy:${input.scope ?? 'all'}`,
      data: { what: 'resume', scope: input.scope ?? 'every pause', reason: 'not-approver' },
    });
    return {
      ok: false,
      error: { code: 'APPROVAL_FORBIDDEN', message: 'only members of an approver group may resume autonomy' },
    };
  }
  const lifted = await deps.autonomy.resume(input.scope);
  await deps.audit.append({
    actor: by,
    action: 'autonomy.resumed',
    subject: `autonomy:${input.scope ?? 'all'}`,
    data: { scopes: lifted },
  });
  return { ok: true, value: lifted };
}
