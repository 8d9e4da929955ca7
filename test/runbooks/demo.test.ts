import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import {
  demonstrateApprovedRunbook,
  type RunbookDemoEvent,
} from '../../src/app/runbooks/demonstrate-approved-runbook.ts';
import { buildRunbookDemoDeps, DEMO_USERS } from '../../src/runtime/runbooks/build-runbook-demo-deps.ts';
import { triageFiles } from '../support/elasticsearch.ts';
import { runCauseway } from '../support/run-causeway.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const KEY = 'runbook-demo-test-key-0123456789abcdef';

describe('the runbook demo: plan, two-person approval, harmless local step, verification, audit chain', () => {
  it('demonstrateApprovedRunbook on the example deploy incident', async () => {
    const report = await triageFiles(`${ROOT}examples/webshop-deploy`);
    const opened = await openStorage('sqlite::memory:', { clock: Date.now, audit: { checkpointKey: KEY } });
    if (!opened.ok) throw new Error(opened.error.message);
    const built = await buildRunbookDemoDeps(opened.value, Date.now);
    if (!built.ok) throw new Error(built.error.message);
    const events: RunbookDemoEvent[] = [];
    try {
      const r = await demonstrateApprovedRunbook(built.value.deps, {
        incidentId: 'webshop-deploy',
        report,
        requester: DEMO_USERS.requester,
        approvers: DEMO_USERS.approvers,
        checkpointKey: KEY,
        onEvent: (e) => events.push(e),
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.plan.params).toEqual({ service: 'quoterservice', change: 'gl-deploy-94201' });
      expect(r.value.decisions.map((d) => (d.outcome === 'recorded' ? d.state : d.reason))).toEqual([
        'requester',
        'pending',
        'granted',
      ]);
      expect(r.value.run.status).toBe('succeeded');
      expect(r.value.advance.executed.map((x) => `${x.step.id}:${x.status}`)).toEqual([
        'inspect:succeeded',
        'rollback:succeeded',
        'recovered:succeeded',
      ]);
      expect(built.value.api.rollbacks()).toEqual(['quoterservice']);
      expect(r.value.audit).toMatchObject({ ok: true, records: 12, checkpointsVerified: 12 });
      expect(events.map((e) => e.kind)).toEqual([
        'proposed',
        'approval-requested',
        'decision',
        'decision',
        'decision',
        'step',
        'step',
        'step',
        'finished',
        'audit',
      ]);
      const trail = await opened.value.audit.query({ incidentId: 'webshop-deploy' });
      expect(trail.filter((x) => x.action === 'approval.granted').map((x) => x.actor)).toEqual([
        'slack:U0DEMOSRE1',
        'slack:U0DEMOSRE2',
      ]);
      expect(JSON.stringify(trail)).not.toMatch(/Bearer [A-Za-z0-9_-]{20,}/);
    } finally {
      await built.value.close();
      await opened.value.close();
    }
  });

  it('causeway runbooks demo prints the whole story and exits 0', async () => {
    const r = await runCauseway(['runbooks', 'demo'], {}, ROOT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('REFUSED (APPROVAL_FORBIDDEN');
    expect(r.stdout).toContain('U0DEMOSRE2 approves step 2: recorded — 2 of 2, granted');
    expect(r.stdout).toContain('error-rate of quoterservice is 0.004 (< 0.05)');
    expect(r.stdout).toMatch(/Run run-[0-9a-f]+: succeeded/);
    // The demo's incident is stored first (alert received, incident opened, ranking): 3 + the run's 12.
    expect(r.stdout).toContain('Audit chain intact: 15 records verified, 15 signed checkpoints.');
    expect(r.stdout).toMatch(/time to mitigate \(alert received → first successful run\)\s+\d+s/);
    expect(r.stdout).toContain('Postmortem draft written to');
  });
});
