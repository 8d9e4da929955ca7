import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { decideApproval } from '../../src/app/runbooks/decide-approval.ts';
import { loadRunView } from '../../src/app/runbooks/load-run-view.ts';
import { proposeRun } from '../../src/app/runbooks/propose-run.ts';
import { requestApproval } from '../../src/app/runbooks/request-approval.ts';
import { buildApprovalCardBlocks } from '../../src/core/chat/approval-card-blocks.ts';
import type { ActionsBlock, ChatMessage } from '../../src/core/chat/block-kit.ts';
import { CHAT_IDS } from '../../src/core/chat/chat-ids.ts';
import { decodeRunbookActionValue } from '../../src/core/chat/decode-runbook-action-value.ts';
import { encodeRunbookActionValue } from '../../src/core/chat/encode-runbook-action-value.ts';
import { RUNBOOK_ACTION_IDS } from '../../src/core/chat/runbook-action-ids.ts';
import { runbookCountdown } from '../../src/core/chat/runbook-countdown.ts';
import { buildRunbookPlanBlocks } from '../../src/core/chat/runbook-plan-blocks.ts';
import { buildRunbookRunSummaryBlocks } from '../../src/core/chat/runbook-run-summary-blocks.ts';
import { buildRunbookStepResultBlocks } from '../../src/core/chat/runbook-step-result-blocks.ts';
import { validateMessage } from '../../src/core/chat/validate-message.ts';
import { catalogOf, runbookDeps, T0, testClock, UNDO_RUNBOOK } from './support/runbook-harness.ts';

const buttons = (m: ChatMessage) =>
  m.blocks
    .filter((b): b is ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements.map((e) => [e.action_id, e.value]));
const text = (m: ChatMessage) => JSON.stringify(m.blocks);

async function setup() {
  const opened = await openStorage('sqlite::memory:', { clock: Date.now });
  if (!opened.ok) throw new Error(opened.error.message);
  const clock = testClock();
  const deps = runbookDeps(opened.value, { catalog: catalogOf([UNDO_RUNBOOK]), path: '/nowhere', clock });
  const p = await proposeRun(deps, {
    runbookId: 'undo-checkout',
    incidentId: 'INC-42',
    params: { service: 'checkout' },
    proposedBy: 'slack:U0ALICE',
  });
  if (!p.ok) throw new Error(p.error.message);
  return { deps, clock, storage: opened.value, ...p.value };
}

describe('runbook Block Kit builders', () => {
  it('the plan card shows every step exactly as it would run, and Request approval / Cancel carrying the run id', async () => {
    const { plan, run, storage } = await setup();
    const m = buildRunbookPlanBlocks(plan, run);
    expect(validateMessage(m)).toEqual([]);
    expect(text(m)).toContain('$ kubectl rollout undo deployment/checkout --namespace=shop');
    expect(text(m)).toContain('needs 2 approvals from sre');
    expect(text(m)).toContain(plan.steps[1]?.hash.slice(0, 19));
    expect(buttons(m)).toEqual([
      ['causeway_run_request_approval', `{"r":"${run.id}"}`],
      ['causeway_run_cancel', `{"r":"${run.id}"}`],
    ]);
    const dry = buildRunbookPlanBlocks(plan, undefined, 'INC-42');
    expect(validateMessage(dry)).toEqual([]);
    expect(buttons(dry)).toEqual([]);
    expect(text(dry)).toContain('Dry run for INC-42');
    await storage.close();
  });

  it('the approval card: who may approve, the tally and countdown, per-step buttons bound to the step hash, updated in place', async () => {
    const { deps, clock, run, plan, storage } = await setup();
    await requestApproval(deps, { runId: run.id, requestedBy: 'slack:U0ALICE' });
    let view = await loadRunView(deps, run.id);
    if (!view.ok) throw new Error(view.error.message);
    let card = buildApprovalCardBlocks(view.value, T0 + 3 * 60_000);
    expect(validateMessage(card)).toEqual([]);
    expect(text(card)).toContain('requested by <@U0ALICE> (who cannot approve)');
    expect(text(card)).toContain('expires in 27 min (at 18:45:00 UTC)');
    expect(text(card)).toContain('*sre* (<@U0SRE1> <@U0SRE2> <@U0SRE3> <!subteam^S0SREGRP>)');
    expect(text(card)).toContain('*Approvals:* 0 of 2');
    const undo = plan.steps[1]?.hash as string;
    expect(buttons(card)).toEqual([
      ['causeway_run_approve_1', encodeRunbookActionValue({ runId: run.id, step: 1, stepHash: undo })],
      ['causeway_run_reject_1', encodeRunbookActionValue({ runId: run.id, step: 1, stepHash: undo })],
      [
        'causeway_run_approve_3',
        encodeRunbookActionValue({ runId: run.id, step: 3, stepHash: plan.steps[3]?.hash as string }),
      ],
      [
        'causeway_run_reject_3',
        encodeRunbookActionValue({ runId: run.id, step: 3, stepHash: plan.steps[3]?.hash as string }),
      ],
    ]);
    const value = decodeRunbookActionValue(buttons(card)[0]?.[1]);
    expect(value).toEqual({ runId: run.id, step: 1, stepHash: undo });
    // The Slack side passes what the button carried.
    await decideApproval(deps, {
      runId: run.id,
      step: 1,
      stepHash: value?.stepHash as string,
      user: 'U0SRE1',
      decision: 'approve',
      groupsOf: async () => [],
    });
    await decideApproval(deps, {
      runId: run.id,
      step: 1,
      user: 'U0SRE2',
      decision: 'approve',
      groupsOf: async () => [],
    });
    clock.advance(60_000);
    view = await loadRunView(deps, run.id);
    if (!view.ok) throw new Error(view.error.message);
    card = buildApprovalCardBlocks(view.value, T0 + 29 * 60_000 + 30_000);
    expect(text(card)).toContain('*Approvals:* 2 of 2: <@U0SRE1> <@U0SRE2> · ✅ approved');
    expect(text(card)).toContain('expires in under a minute');
    expect(buttons(card).map(([id]) => id)).toEqual(['causeway_run_approve_3', 'causeway_run_reject_3']);
    await decideApproval(deps, {
      runId: run.id,
      step: 3,
      user: 'U0SRE3',
      decision: 'reject',
      groupsOf: async () => [],
    });
    view = await loadRunView(deps, run.id);
    if (!view.ok) throw new Error(view.error.message);
    card = buildApprovalCardBlocks(view.value, T0 + 60_000);
    expect(buttons(card)).toEqual([]);
    expect(text(card)).toContain('run cancelled');
    expect(text(card)).toContain('rejected by <@U0SRE3>');
    await storage.close();
  });

  it('action ids never collide with the incident message (causeway_runbook_<n>); values are checked when decoded', () => {
    for (const id of Object.values(RUNBOOK_ACTION_IDS)) {
      expect(id.startsWith('causeway_run_')).toBe(true);
      expect(`${CHAT_IDS.actions.runbookPrefix}0`.startsWith(id)).toBe(false);
    }
    expect(decodeRunbookActionValue('{"r":"run-1"}')).toEqual({ runId: 'run-1' });
    expect(decodeRunbookActionValue('{"r":"run-1","s":-1}')).toBeUndefined();
    expect(decodeRunbookActionValue('{"r":"run-1","s":1,"h":"sha256:xyz"}')).toBeUndefined();
    expect(decodeRunbookActionValue('{"i":"INC-1","r":"runbook"}')).toEqual({ runId: 'runbook' });
    expect(decodeRunbookActionValue('not json')).toBeUndefined();
    expect(runbookCountdown(T0, T0 + 1)).toBe('expired at 18:15:00 UTC');
  });

  it('step results and the run summary fit Slack and escape what the output says', async () => {
    const { plan, run, storage } = await setup();
    const m = buildRunbookStepResultBlocks({
      runId: run.id,
      step: plan.steps[1]!,
      status: 'failed',
      summary: 'exit code 1 in 0.2s',
      excerpt: 'error: <!channel> deployments.apps "checkout" not found\n```',
      exitCode: 1,
      durationMs: 200,
      outputHash: `sha256:${'a'.repeat(64)}`,
      timedOut: false,
    });
    expect(validateMessage(m)).toEqual([]);
    expect(text(m)).toContain('&lt;!channel&gt;');
    expect(text(m)).not.toContain('<!channel>');
    expect(text(m)).toContain('(exit 1)');
    const summary = buildRunbookRunSummaryBlocks(run, plan);
    expect(validateMessage(summary)).toEqual([]);
    await storage.close();
  });
});
