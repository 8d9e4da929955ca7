import type { Feedback } from '../storage/feedback-store.ts';
import type { Run } from '../storage/run-store.ts';
import { planHash } from './plan-hash.ts';
import type { ShadowOutcome, ShadowRecord } from './shadow-record.ts';

/** A score for a shadow record: its outcome and why, in a few words. */
export type ShadowScore = { readonly outcome: ShadowOutcome; readonly reason: string | undefined };

/**
 * What people did, against what the runbook would have run (pure):
 * - disagreed: a 👎 on the hypothesis it acted on (or on the whole triage); a step of a run of
 *   this runbook was rejected; people ran a different plan of it (other parameters, so other
 *   hashes); or the same plan ran and failed;
 * - agreed: people ran the same plan (equal hashes) and it succeeded, with no 👎;
 * - pending: nothing yet (no run of it ended, no 👎) — `no-outcome` once the incident is resolved.
 * Runs begun autonomously count like runs people approved.
 */
export function scoreShadowRecord(
  record: ShadowRecord,
  runs: readonly Run[],
  feedback: readonly Feedback[],
  incidentResolved: boolean,
): ShadowScore {
  const thumbsDown = feedback.find(
    (f) => f.verdict === 'rejected' && (f.hypothesisId === undefined || f.hypothesisId === record.hypothesisId),
  );
  if (thumbsDown) return { outcome: 'disagreed', reason: `👎 from ${thumbsDown.user}` };
  const mine = runs.filter((r) => r.runbook === record.runbookId);
  const rejected = mine.find((r) => r.steps.some((s) => s.status === 'denied'));
  if (rejected) return { outcome: 'disagreed', reason: `a step of run ${rejected.id} was rejected` };
  const ended = mine.filter((r) => r.status === 'succeeded' || r.status === 'failed');
  const other = ended.find((r) => planHash(r.steps.map((s) => s.renderedHash)) !== record.planHash);
  if (other) return { outcome: 'disagreed', reason: `people ran a different plan (run ${other.id})` };
  const failed = ended.find((r) => r.status === 'failed');
  if (failed) return { outcome: 'disagreed', reason: `the same plan ran and failed (run ${failed.id})` };
  const ok = ended.find((r) => r.status === 'succeeded');
  if (ok) return { outcome: 'agreed', reason: `the same plan ran and succeeded (run ${ok.id})` };
  return incidentResolved
    ? { outcome: 'no-outcome', reason: 'resolved without a run of it' }
    : { outcome: 'pending', reason: undefined };
}
