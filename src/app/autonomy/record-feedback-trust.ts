import type { AuditActor } from '../../core/audit/audit-actor.ts';
import { demotionForFeedback } from '../../core/autonomy/demotion.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';
import { demoteRunbook } from './demote-runbook.ts';
import { scoreShadowRecords } from './score-shadow-records.ts';

/**
 * After 👍/👎 on an incident: a 👎 demotes every runbook that ran a step autonomously on it (at
 * once, audited), and the incident's shadow records are scored again. Returns the demoted runbooks.
 */
export async function recordFeedbackTrust(
  deps: Pick<AutonomyDeps, 'autonomy' | 'runs' | 'feedback' | 'incidents' | 'audit' | 'now'>,
  input: {
    readonly incidentId: string;
    readonly verdict: 'confirmed' | 'rejected' | 'unsure';
    readonly by: AuditActor;
  },
): Promise<string[]> {
  const ran = (await deps.autonomy.countdownsOf(input.incidentId)).filter(
    (c) => c.state === 'running' || c.state === 'finished',
  );
  const demoted: string[] = [];
  for (const d of demotionForFeedback({
    verdict: input.verdict,
    incidentId: input.incidentId,
    by: input.by,
    at: deps.now(),
    autonomousRunbooks: ran.map((c) => c.runbook),
  }))
    if (await demoteRunbook(deps, d)) demoted.push(d.runbookId);
  await scoreShadowRecords(deps, { incidentId: input.incidentId });
  return demoted;
}
