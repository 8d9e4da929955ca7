import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { advanceRun } from '../../src/app/runbooks/advance-run.ts';
import { decideApproval } from '../../src/app/runbooks/decide-approval.ts';
import { executeApprovedStep } from '../../src/app/runbooks/execute-approved-step.ts';
import { proposeRun } from '../../src/app/runbooks/propose-run.ts';
import { recoverRuns } from '../../src/app/runbooks/recover-runs.ts';
import { requestApproval } from '../../src/app/runbooks/request-approval.ts';
import { BACKENDS, type TestDatabase } from '../storage/support/backends.ts';
import {
  catalogOf,
  crashRunbook,
  runbookDeps,
  testSettings,
  testValidationContext,
} from './support/runbook-harness.ts';
import { type TestScripts, writeTestScripts } from './support/scripts.ts';

const CHILD = new URL('./support/crash-step-child.ts', import.meta.url).pathname;

describe.each(BACKENDS)('a process killed while a step runs: $name', (backend) => {
  let db: TestDatabase;
  let scripts: TestScripts;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    child?.kill('SIGKILL');
    try {
      process.kill(-Number(readFileSync(`${scripts.dir}/sleep.pid`, 'utf8')), 'SIGKILL');
    } catch {
      // Already gone.
    }
    scripts?.cleanup();
    await db?.cleanup();
  });

  it('leaves the step outcome-unknown at the next start; it is never re-run', async () => {
    db = await backend.fresh();
    scripts = writeTestScripts();
    const settings = testSettings({ commandAllow: [scripts.sleep] });
    const storage = await db.open({ instanceId: 'causeway-a', clock: Date.now });
    const deps = runbookDeps(storage, {
      catalog: catalogOf([crashRunbook(scripts.sleep)], testValidationContext(settings)),
      path: '/usr/bin:/bin',
      settings,
      clock: { now: Date.now },
    });
    const p = await proposeRun(deps, { runbookId: 'crash', incidentId: 'INC-C', proposedBy: 'slack:U0ALICE' });
    if (!p.ok) throw new Error(p.error.message);
    const runId = p.value.run.id;
    await requestApproval(deps, { runId, requestedBy: 'slack:U0ALICE' });
    await decideApproval(deps, { runId, step: 0, user: 'U0OPS1', decision: 'approve', groupsOf: async () => [] });

    // Another Causeway process (same instance id, as after a restart of the same host) starts the step …
    child = spawn(process.execPath, [CHILD, db.url, 'causeway-a', runId, scripts.sleep], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    for (let i = 0; i < 200; i++) {
      if ((await storage.runs.get(runId))?.steps[0]?.status === 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await storage.effects.get(`run:${runId}/step:0`))?.state).toBe('started');
    // … and dies (kill -9) while the step runs.
    child.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));

    const recovered = await recoverRuns(deps, { owner: 'causeway-a' });
    expect(recovered.map((r) => [r.run.id, r.step, r.run.status])).toEqual([[runId, 0, 'outcome-unknown']]);
    const run = await storage.runs.get(runId);
    expect(run?.steps.map((s) => s.status)).toEqual(['outcome-unknown', 'skipped']);
    // Nothing runs it again: not a retry, not an advance.
    expect(await executeApprovedStep(deps, { runId, step: 0, actor: 'slack:U0OPS1' })).toMatchObject({
      outcome: 'skipped',
      reason: 'already-ran',
    });
    expect(await advanceRun(deps, { runId, actor: 'system' })).toMatchObject({ state: 'finished', executed: [] });
    const trail = (await storage.audit.query({ incidentId: 'INC-C' })).map((r) => r.action);
    expect(trail.slice(-3)).toEqual(['step.started', 'step.outcome-unknown', 'run.finished']);
    expect((await verifyAudit(storage)).ok).toBe(true);
  });
});
