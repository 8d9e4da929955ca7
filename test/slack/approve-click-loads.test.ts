import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackChat } from '../../src/adapters/slack/create-slack-chat.ts';
import { proposeRun } from '../../src/app/runbooks/propose-run.ts';
import { handleRunAction, type RunAction } from '../../src/app/slack/handle-run-action.ts';
import { createIncidentBoard } from '../../src/app/slack/incident-board.ts';
import type { ChatMessage } from '../../src/core/chat/block-kit.ts';
import { RUNBOOK_ACTION_IDS } from '../../src/core/chat/runbook-action-ids.ts';
import { buildRunbookPlanBlocks } from '../../src/core/chat/runbook-plan-blocks.ts';
import { countingRunStore } from '../runbooks/support/counting-run-store.ts';
import {
  catalogOf,
  runbookDeps,
  runbookTestEnv,
  scriptedProbe,
  testClock,
  UNDO_RUNBOOK,
} from '../runbooks/support/runbook-harness.ts';
import { sqliteBackend } from '../storage/support/backends.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';

const TOKEN = 'xoxb-5555-6666-loadstoken';
const CHANNEL = 'C0LOADS';

describe('one Approve click loads the run once', () => {
  const env = runbookTestEnv(sqliteBackend);
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack({ botToken: TOKEN });
  });
  afterEach(async () => {
    await slack.close();
  });

  const setup = async () => {
    const db = await env.fresh();
    const storage = await db.open();
    const counted = countingRunStore(storage.runs);
    const deps = runbookDeps(
      { ...storage, runs: counted.runs },
      { catalog: catalogOf([UNDO_RUNBOOK]), path: env.kubectl.path, probe: scriptedProbe([0.01]), clock: testClock() },
    );
    const chat = createSlackChat(new WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }), {
      postIntervalMs: 0,
      updateIntervalMs: 0,
    });
    const told: ChatMessage[] = [];
    const chatDeps = {
      chat,
      incidents: storage.incidents,
      board: createIncidentBoard(),
      runbook: deps,
      groupsOf: async () => [],
    };
    const p = await proposeRun(deps, { runbookId: 'undo-checkout', incidentId: 'INC-L', proposedBy: 'slack:U0ALICE' });
    if (!p.ok) throw new Error(p.error.message);
    const runId = p.value.run.id;
    const plan = await chat.post(CHANNEL, buildRunbookPlanBlocks(p.value.plan, p.value.run), '1763900000.000100');
    if (!plan.ok) throw new Error('plan card not posted');
    const click = (a: Partial<RunAction> & Pick<RunAction, 'kind' | 'user' | 'messageTs' | 'card'>) =>
      handleRunAction(chatDeps, {
        runId,
        channel: CHANNEL,
        threadTs: '1763900000.000100',
        tell: async (m) => {
          told.push(m);
        },
        ...a,
      });
    const requestApproval = () =>
      click({ kind: 'request-approval', user: 'U0ALICE', messageTs: plan.value.ts, card: 'plan' });
    const undo = p.value.plan.steps.find((s) => s.id === 'undo')?.index as number;
    const approve = (user: string) => {
      const card = slack.messages.find((m) =>
        JSON.stringify(m.blocks).includes(`"${RUNBOOK_ACTION_IDS.approvePrefix}`),
      );
      if (!card) throw new Error('no approval card was posted');
      return click({ kind: 'approve', user, step: undo, messageTs: card.ts, card: 'approval' });
    };
    return { storage, counted, told, runId, plan: plan.value, click, requestApproval, approve };
  };

  it('from the click to the run summary: one runs.get, whether the click records or grants (and runs the steps)', async () => {
    const { storage, counted, told, runId, requestApproval, approve } = await setup();
    await requestApproval();
    counted.calls.clear();
    await approve('U0SRE1');
    expect(told).toEqual([]);
    expect(counted.calls.get('get')).toBe(1);
    expect((await storage.runs.get(runId))?.status).toBe('proposed');

    counted.calls.clear();
    await approve('U0SRE2');
    expect(told).toEqual([]);
    // The grant ran the run to its end: status, undo, its verification; the rollback was skipped.
    const run = await storage.runs.get(runId);
    expect(run?.status).toBe('succeeded');
    expect(run?.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'skipped']);
    expect(env.kubectl.calls().length).toBe(2);
    expect(counted.calls.get('get')).toBe(1);
    // The summary went to the thread and the card was edited from the same run.
    expect(slack.callsOf('chat.update').length).toBeGreaterThan(0);
    await storage.close();
  });

  it('a Run click loads the run once too (it runs what needs no approval, then says what waits)', async () => {
    const { storage, counted, told, runId, plan, click } = await setup();
    counted.calls.clear();
    await click({ kind: 'start', user: 'U0ALICE', messageTs: plan.ts, card: 'plan' });
    expect(counted.calls.get('get')).toBe(1);
    expect((await storage.runs.get(runId))?.steps.map((s) => s.status)).toEqual([
      'succeeded',
      'pending',
      'pending',
      'pending',
    ]);
    expect(JSON.stringify(told)).toContain('needs approval first');
    await storage.close();
  });
});
