import type { AuditActor } from '../../core/audit/audit-actor.ts';
import { stepMove } from '../../core/runbooks/step-move.ts';
import type { Run } from '../../core/storage/run-store.ts';
import type { RunbookDeps } from './runbook-deps.ts';

/**
 * Cancels a run: every step not started yet (pending, awaiting or with an approval) becomes
 * `cancelled` — conditionally, so a step that started meanwhile keeps running to its end — and the
 * run `cancelled`. Audits `run.cancelled` once (only the caller that moved the run). Returns the
 * run, or undefined when it had already finished or was cancelled.
 */
export async function cancelRun(
  deps: Pick<RunbookDeps, 'runs' | 'audit' | 'now'>,
  input: {
    readonly runId: string;
    readonly by: AuditActor;
    readonly reason: string;
    /** The run as the caller already holds it (not read again). */
    readonly run?: Run;
  },
): Promise<Run | undefined> {
  const run = input.run?.id === input.runId ? input.run : await deps.runs.get(input.runId);
  if (!run) return undefined;
  const cancel = stepMove('cancel');
  for (const s of run.steps)
    await deps.runs.transitionStep(run.id, s.index, cancel.from, { status: cancel.to, at: deps.now() });
  const moved = await deps.runs.transitionRun(run.id, ['proposed', 'running'], 'cancelled', deps.now());
  if (!moved) return undefined;
  await deps.audit.append({
    actor: input.by,
    action: 'run.cancelled',
    subject: `run:${run.id}`,
    data: { incidentId: run.incidentId, runId: run.id, runbook: run.runbook, reason: input.reason },
  });
  return moved;
}
