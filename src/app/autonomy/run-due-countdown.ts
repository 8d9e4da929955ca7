import { pauseFor } from '../../core/autonomy/pause.ts';
import type { StepResult } from '../../core/runbooks/step-result.ts';
import type { Run } from '../../core/storage/run-store.ts';
import { advanceRun } from '../runbooks/advance-run.ts';
import { loadRun } from '../runbooks/load-run.ts';
import type { AutonomyDeps } from './autonomy-deps.ts';
import { demoteRunbook } from './demote-runbook.ts';
import { grantAutonomousSteps } from './grant-autonomous-steps.ts';
import { pageIncident } from './page-incident.ts';
import { scoreShadowRecords } from './score-shadow-records.ts';

/**
 * What a due countdown came to: not due yet, gone (stopped, or claimed by another replica or an
 * earlier call), held back (a pause or the kill switch came on during the stop window: the run
 * waits for approval instead), or ran — `resolved` when the step and its verify succeeded, else
 * the rollback ran, the runbook was demoted and people paged.
 */
export type CountdownOutcome =
  | { readonly outcome: 'not-due' | 'gone' }
  | { readonly outcome: 'held'; readonly reason: string }
  | {
      readonly outcome: 'ran';
      readonly run: Run | undefined;
      readonly resolved: boolean;
      readonly executed: readonly StepResult[];
      readonly paged: boolean;
    };

/**
 * Runs an autonomous step whose stop window is over, exactly once across replicas and restarts:
 * the countdown is claimed conditionally (`counting → running`, only when due: one caller wins);
 * the kill switch and pauses are checked again first; the gates' approval is recorded on the run's
 * autonomous steps; and the run advances through the same durable, exactly-once step execution
 * as approved runs (effect journal, hash re-check, recovery as outcome-unknown). A failed verify
 * rolls back (the step's onFailure), demotes the runbook and pages.
 */
export async function runDueCountdown(
  deps: AutonomyDeps,
  input: {
    readonly runId: string;
    readonly onStep?: (r: StepResult) => Promise<void> | void;
    readonly threadUrl?: string;
  },
): Promise<CountdownOutcome> {
  const c = await deps.autonomy.countdown(input.runId);
  if (c?.state !== 'counting') return { outcome: 'gone' };
  const now = deps.now();
  if (now < c.dueAt) return { outcome: 'not-due' };
  const pause = pauseFor(await deps.autonomy.pauses(), c.service);
  if (!deps.settings.enabled || pause) {
    const reason = pause ? `paused (${pause.scope}) by ${pause.by}: ${pause.reason}` : 'autonomy.enabled is false';
    if (await deps.autonomy.moveCountdown(c.runId, 'counting', 'stopped', now, 'system'))
      await deps.audit.append({
        actor: 'system',
        action: 'autonomy.stopped',
        subject: `run:${c.runId}`,
        data: { incidentId: c.incidentId, runId: c.runId, step: c.step, reason, fallback: 'supervised' },
      });
    return { outcome: 'held', reason };
  }
  if (!(await deps.autonomy.moveCountdown(c.runId, 'counting', 'running', now, 'system'))) return { outcome: 'gone' };
  const loaded = await loadRun(deps.runs, c.runId);
  if (!loaded.ok) return { outcome: 'gone' };
  const run = await grantAutonomousSteps(deps, loaded.value);
  const advanced = await advanceRun(deps, {
    runId: c.runId,
    actor: 'system',
    loaded: { run, plan: loaded.value.plan },
    ...(input.onStep ? { onStep: input.onStep } : {}),
  });
  const resolved = advanced.run?.status === 'succeeded';
  let paged = false;
  if (advanced.state === 'finished') {
    await deps.autonomy.moveCountdown(c.runId, 'running', 'finished', deps.now(), 'system');
    if (!resolved) {
      const verifyFailed = advanced.run?.steps.some(
        (s, i) => s.status === 'failed' && loaded.value.plan.steps[i]?.role === 'verify',
      );
      await demoteRunbook(deps, {
        runbookId: c.runbook,
        incidentId: c.incidentId,
        cause: 'verify-failed',
        by: 'system',
        at: deps.now(),
      });
      paged = await pageIncident(deps, {
        action: 'trigger',
        incidentId: c.incidentId,
        service: c.service,
        summary: `${c.service}: the autonomous ${c.runbook} did not resolve ${c.incidentId} (${verifyFailed ? 'its verify failed, rolled back' : `run ${advanced.run?.status ?? 'unknown'}`})`,
        ...(input.threadUrl ? { threadUrl: input.threadUrl } : {}),
      });
    }
  }
  // A run begun autonomously scores the incident's shadow records like one people approved.
  if (advanced.state === 'finished') await scoreShadowRecords(deps, { incidentId: c.incidentId });
  return { outcome: 'ran', run: advanced.run, resolved, executed: advanced.executed, paged };
}
