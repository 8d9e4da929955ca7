import type { AuditActor } from '../../core/audit/audit-actor.ts';
import { stepMove } from '../../core/runbooks/step-move.ts';
import type { Run, RunStatus } from '../../core/storage/run-store.ts';
import type { RunbookDeps } from './runbook-deps.ts';

/**
 * Ends a run: steps it did not need (rollbacks after success, the rest after a stop) become
 * `skipped`, the run moves to its final status conditionally, and the caller that moved it audits
 * `run.finished` with every step's outcome.
 */
export async function finishRun(
  deps: Pick<RunbookDeps, 'runs' | 'audit' | 'now'>,
  run: Run,
  status: Extract<RunStatus, 'succeeded' | 'failed' | 'outcome-unknown'>,
  actor: AuditActor,
  note?: string,
): Promise<Run> {
  const skip = stepMove('skip');
  for (const s of run.steps)
    await deps.runs.transitionStep(run.id, s.index, skip.from, { status: skip.to, at: deps.now() });
  const moved = await deps.runs.transitionRun(run.id, ['proposed', 'running'], status, deps.now());
  if (moved)
    await deps.audit.append({
      actor,
      action: 'run.finished',
      subject: `run:${run.id}`,
      data: {
        incidentId: run.incidentId,
        runId: run.id,
        runbook: run.runbook,
        status,
        steps: moved.steps.map((s) => ({
          step: s.index,
          status: s.status,
          ...(s.exitCode !== undefined ? { exitCode: s.exitCode } : {}),
        })),
        ...(note ? { note } : {}),
      },
    });
  return moved ?? (await deps.runs.get(run.id)) ?? run;
}
