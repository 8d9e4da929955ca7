import type { AuditActor } from '../audit/audit-actor.ts';

/** Why trust was lost: a 👎 where an autonomous step ran, a failed verify, or an undo. */
export type DemotionCause = 'thumbs-down' | 'verify-failed' | 'undo';

/**
 * A runbook sent back to supervised at `at`: only shadow records after it count towards earning
 * autonomy again.
 */
export type Demotion = {
  readonly runbookId: string;
  readonly cause: DemotionCause;
  readonly incidentId: string;
  readonly by: AuditActor;
  readonly at: number;
};

/** When the runbook was last demoted (undefined: never). */
export function lastDemotion(demotions: readonly Demotion[], runbookId: string): number | undefined {
  const times = demotions.filter((d) => d.runbookId === runbookId).map((d) => d.at);
  return times.length === 0 ? undefined : Math.max(...times);
}

/** A 👎 demotes a runbook when one of its steps ran autonomously on that incident: always. */
export function demotionForFeedback(input: {
  readonly verdict: 'confirmed' | 'rejected' | 'unsure';
  readonly incidentId: string;
  readonly by: AuditActor;
  readonly at: number;
  /** The runbooks that ran a step autonomously on the incident. */
  readonly autonomousRunbooks: readonly string[];
}): Demotion[] {
  if (input.verdict !== 'rejected') return [];
  return [...new Set(input.autonomousRunbooks)].map((runbookId) => ({
    runbookId,
    cause: 'thumbs-down',
    incidentId: input.incidentId,
    by: input.by,
    at: input.at,
  }));
}
