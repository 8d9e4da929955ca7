import { scoreShadowRecord } from '../../core/autonomy/score-shadow-record.ts';
import type { ShadowRecord } from '../../core/autonomy/shadow-record.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';

/**
 * Scores an incident's shadow records against what people did so far (runs approved, run or
 * rejected, 👍/👎, the incident resolved): agreed, disagreed, no outcome, or still pending. Safe
 * to call after every such event: a record is written (and `autonomy.scored` audited) only when
 * its outcome changes. Returns the records whose outcome changed.
 */
export async function scoreShadowRecords(
  deps: Pick<AutonomyDeps, 'autonomy' | 'runs' | 'feedback' | 'incidents' | 'audit' | 'now'>,
  input: { readonly incidentId: string },
): Promise<ShadowRecord[]> {
  const records = await deps.autonomy.shadowsOf(input.incidentId);
  if (records.length === 0) return [];
  const [runs, feedback, incident] = await Promise.all([
    deps.runs.list(input.incidentId),
    deps.feedback.list(input.incidentId),
    deps.incidents.get(input.incidentId),
  ]);
  const changed: ShadowRecord[] = [];
  for (const r of records) {
    const score = scoreShadowRecord(r, runs, feedback, incident?.status === 'resolved');
    if (score.outcome === r.outcome) continue;
    const at = deps.now();
    if (!(await deps.autonomy.score(r.id, score.outcome, score.reason, at))) continue;
    changed.push({ ...r, outcome: score.outcome, reason: score.reason, scoredAt: at });
    await deps.audit.append({
      actor: 'system',
      action: 'autonomy.scored',
      subject: `shadow:${r.id}`,
      data: {
        incidentId: r.incidentId,
        runbook: r.runbookId,
        outcome: score.outcome,
        ...(score.reason ? { reason: score.reason } : {}),
      },
    });
  }
  return changed;
}
