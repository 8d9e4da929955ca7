import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { createMetrics } from '../../src/adapters/observability/create-metrics.ts';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import type { ChatMessage } from '../../src/core/chat/block-kit.ts';
import { CHAT_IDS } from '../../src/core/chat/chat-ids.ts';
import { decodeActionValue } from '../../src/core/chat/decode-action-value.ts';
import { RUNBOOK_ACTION_IDS, RUNBOOK_BLOCK_IDS } from '../../src/core/chat/runbook-action-ids.ts';
import { validateMessage } from '../../src/core/chat/validate-message.ts';
import type { Runtime } from '../../src/runtime/runtime.ts';
import { type SlackStack, startSlackStack } from '../../src/runtime/start-slack-stack.ts';
import { type FakeMessage, type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { blockActionsBody, eventCallbackBody, sendSigned, slashCommandBody } from '../support/fake-slack-client.ts';
import { slackHttpEnv } from '../support/slack-http-env.ts';
import { testRuntime } from '../support/test-runtime.ts';
import { waitUntil } from '../support/wait-until.ts';
import { alertmanagerDefaultMessage } from './alert-messages.ts';

const SECRET = 'rb-signing-secret-0123456789abcdef';
const TOKEN = 'xoxb-3333-4444-rbtoken';
const DEPLOY_TOKEN = 'deploy-token-never-shown-7f3a9c';
const ALERTS = 'C0ALERTS2';
// The example bundle, its alert labelled with a Kubernetes namespace (as the shipped runbooks expect).
const BUNDLE = mkdtempSync(join(tmpdir(), 'causeway-slack-runbooks-bundle-'));
cpSync(new URL('../../examples/webshop-deploy', import.meta.url).pathname, BUNDLE, { recursive: true });
const payload = JSON.parse(readFileSync(`${BUNDLE}/alert.json`, 'utf8'));
payload.alerts[0].labels.namespace = 'webshop';
payload.commonLabels.namespace = 'webshop';
writeFileSync(`${BUNDLE}/alert.json`, JSON.stringify(payload));

let slack: FakeSlack;
let stack: SlackStack;
let runtime: Runtime | undefined;
let url: string;
let target: Server;
const rollbacks: { path: string; auth: string | undefined; body: string }[] = [];
const log: string[] = [];
const metrics = createMetrics();
/** Added to the stack's clock: moves time forward for the approval expiry. */
let skewMs = 0;

type Button = { action_id: string; value: string };
type Blocks = { type: string; block_id?: string; elements?: Button[] }[];
const buttons = (m: FakeMessage) =>
  (m.blocks as Blocks).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const blockOf = (m: FakeMessage, actionId: string) =>
  (m.blocks as Blocks).find((b) => b.elements?.some((e) => e.action_id === actionId))?.block_id;
const click = async (m: FakeMessage, actionId: string, user: string, value?: string) => {
  const b = buttons(m).find((e) => e.action_id === actionId);
  if (!b)
    throw new Error(`no button ${actionId} on the message: ${JSON.stringify(buttons(m).map((x) => x.action_id))}`);
  const r = await sendSigned(
    `${url}/slack/events`,
    blockActionsBody({
      actionId,
      blockId: blockOf(m, actionId) as string,
      value: value ?? b.value,
      user,
      channel: m.channel,
      message: {
        ts: m.ts,
        ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
        text: m.text,
        blocks: m.blocks,
      },
      responseUrl: slack.responseUrl(`click-${user}`),
    }),
    'application/x-www-form-urlencoded',
    { secret: SECRET },
  );
  expect(r.status).toBe(200);
  await stack.slack.idle();
};
const ephemeralsTo = (user: string) => slack.ephemerals.filter((e) => e.user === user).map((e) => e.text);

const RUNBOOK = (port: number) => `id: slack-rollback
title: Roll back the last deploy
match:
  kinds: [deploy]
params:
  service:
    type: string
    from: hypothesis.service
  namespace:
    type: string
    from: alert.labels.namespace
    default: default
  change:
    type: string
    from: hypothesis.changeId
    default: unknown
steps:
  - id: inspect
    name: Current deploy of {{ params.service }}
    uses: http
    with:
      method: GET
      url: http://127.0.0.1:${port}/namespaces/{{ params.namespace }}/deployments/{{ params.service }}
      expectStatus: 200
    timeout: 10s
  - id: rollback
    name: Roll back {{ params.service }} (undo {{ params.change }})
    uses: http
    with:
      method: POST
      url: http://127.0.0.1:${port}/namespaces/{{ params.namespace }}/deployments/{{ params.service }}/rollback
      headers:
        Authorization: { env: SLACK_TEST_DEPLOY_TOKEN, prefix: 'Bearer ' }
      body:
        change: '{{ params.change }}'
      expectStatus: 200
    risk: high
    approval:
      min: 2
      from: [sre]
    timeout: 10s
`;

beforeAll(async () => {
  // The deploy API the runbook acts on: a real HTTP server on 127.0.0.1 that records what reached it.
  target = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      if (req.method === 'POST') rollbacks.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, deployment: 'gl-deploy-94201' }));
    });
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  const port = (target.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'causeway-slack-runbooks-'));
  writeFileSync(join(dir, 'slack-rollback.yaml'), RUNBOOK(port));

  // Bob approves through the Slack user group S0SREGRP, read with usergroups.users.list.
  slack = await startFakeSlack({ botToken: TOKEN, userGroups: { S0SREGRP: ['U0BOB', 'U0CAROL'] } });
  const config = loadConfig({
    env: slackHttpEnv({ token: TOKEN, secret: SECRET, apiUrl: slack.apiUrl, alertChannels: ALERTS, bundleDir: BUNDLE }),
    file: {
      path: 'causeway.yaml',
      text: `audit: {checkpointKey: rb-e2e-checkpoint-key-0123456789abcdef}
runbooks:
  dir: ${dir}
  approval:
    groups:
      sre: [U0ALICE, S0SREGRP]
  http:
    allowHosts: ['127.0.0.1']
  secretEnv: [SLACK_TEST_DEPLOY_TOKEN]
`,
    },
  });
  if (!config.ok) throw new Error(JSON.stringify(config.error));
  runtime = testRuntime(config.value, {
    lines: log,
    now: () => Date.now() + skewMs,
    environment: { SLACK_TEST_DEPLOY_TOKEN: DEPLOY_TOKEN },
    instanceId: 'e2e/slack',
  });
  const started = await startSlackStack(config.value, runtime, {
    approvalTickMs: 300,
    observe: metrics,
  });
  if (!started.ok) throw new Error(started.error.message);
  stack = started.value;
  url = `http://127.0.0.1:${stack.port}`;
});

afterAll(async () => {
  await stack?.stop();
  await runtime?.close();
  await slack?.close();
  await new Promise<void>((r) => (target ? target.close(() => r()) : r()));
});

describe('runbooks from Slack: propose, two-person approval bound to the step hash, run, audit', () => {
  let incidentId = '';
  let plan: FakeMessage;
  let card: FakeMessage;
  const alertTs = '1763899000.000500';

  it('the runbook button on the incident message posts the plan in the thread; nothing runs', async () => {
    await sendSigned(
      `${url}/slack/events`,
      eventCallbackBody(alertmanagerDefaultMessage(payload, alertTs, ALERTS), 'Ev0RB1'),
      'application/json',
      { secret: SECRET },
    );
    const incidentMsg = await waitUntil('incident message', () => slack.messages.find((m) => m.thread_ts === alertTs));
    await stack.slack.idle();
    await waitUntil('runbook button', () =>
      buttons(incidentMsg).some((b) => b.action_id.startsWith(CHAT_IDS.actions.runbookPrefix)) ? true : undefined,
    );
    await stack.slack.idle();
    const rb = buttons(incidentMsg).find((b) => b.action_id.startsWith(CHAT_IDS.actions.runbookPrefix)) as Button;
    expect(decodeActionValue(rb.value)?.runbookId).toBe('slack-rollback');
    incidentId = decodeActionValue(rb.value)?.incidentId as string;

    const before = slack.messages.length;
    await click(incidentMsg, rb.action_id, 'U0ONCALL');
    plan = await waitUntil('plan card', () => slack.messages.slice(before).find((m) => m.text.startsWith('Plan:')));
    expect(plan.thread_ts).toBe(alertTs);
    const text = JSON.stringify(plan.blocks);
    // Exactly what would run: the rendered URL with the alert's namespace label (read back from the
    // stored triage) and the blamed service, never the secret.
    expect(text).toContain(`/namespaces/webshop/deployments/quoterservice/rollback`);
    expect(text).not.toContain(DEPLOY_TOKEN);
    expect(validateMessage(plan as unknown as ChatMessage)).toEqual([]);
    expect(buttons(plan).map((b) => b.action_id)).toEqual([
      RUNBOOK_ACTION_IDS.requestApproval,
      RUNBOOK_ACTION_IDS.cancel,
    ]);
    expect(rollbacks).toHaveLength(0);
    const runs = await stack.storage.runs.list(incidentId);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.proposedBy).toBe('slack:U0ONCALL');
  });

  it('"Request approval" posts the approval card; the requester and outsiders are refused, privately and audited', async () => {
    const before = slack.messages.length;
    await click(plan, RUNBOOK_ACTION_IDS.requestApproval, 'U0ONCALL');
    card = await waitUntil('approval card', () =>
      slack.messages
        .slice(before)
        .find((m) => buttons(m).some((b) => b.action_id.startsWith(RUNBOOK_ACTION_IDS.approvePrefix))),
    );
    expect(card.thread_ts).toBe(alertTs);
    expect(validateMessage(card as unknown as ChatMessage)).toEqual([]);
    expect(blockOf(card, `${RUNBOOK_ACTION_IDS.approvePrefix}1`)).toBe(`${RUNBOOK_BLOCK_IDS.approvalActionsPrefix}1`);
    // A second click does not post a second card.
    const cards = slack.messages.length;
    await click(plan, RUNBOOK_ACTION_IDS.requestApproval, 'U0ONCALL');
    expect(slack.messages.length).toBe(cards);
    expect(ephemeralsTo('U0ONCALL').some((t) => t.includes('already requested'))).toBe(true);

    await click(card, `${RUNBOOK_ACTION_IDS.approvePrefix}1`, 'U0ONCALL');
    expect(ephemeralsTo('U0ONCALL').some((t) => t.includes('APPROVAL_FORBIDDEN'))).toBe(true);
    await click(card, `${RUNBOOK_ACTION_IDS.approvePrefix}1`, 'U0MALLORY');
    expect(ephemeralsTo('U0MALLORY').some((t) => t.includes('APPROVAL_FORBIDDEN'))).toBe(true);
    // An approval for another rendering of the step (a stale or forged card) binds to nothing.
    const b = buttons(card).find((x) => x.action_id === `${RUNBOOK_ACTION_IDS.approvePrefix}1`) as Button;
    const forged = JSON.stringify({ ...JSON.parse(b.value), h: `sha256:${'0'.repeat(64)}` });
    await click(card, `${RUNBOOK_ACTION_IDS.approvePrefix}1`, 'U0ALICE', forged);
    expect(ephemeralsTo('U0ALICE').some((t) => t.includes('APPROVAL_STALE'))).toBe(true);
    const refused = (await stack.storage.audit.query({ incidentId })).filter((a) => a.action === 'approval.refused');
    expect(refused.map((a) => a.actor).sort()).toEqual(['slack:U0ALICE', 'slack:U0MALLORY', 'slack:U0ONCALL']);
    expect(rollbacks).toHaveLength(0);
  });

  it('two approvers (one through a user group) grant it; the steps run once, results and summary in the thread', async () => {
    const edits = card.edits;
    await click(card, `${RUNBOOK_ACTION_IDS.approvePrefix}1`, 'U0ALICE');
    await waitUntil('card edited', () => (card.edits > edits ? true : undefined));
    await waitUntil('1 of 2 on the card', () =>
      JSON.stringify(card.blocks).includes('1 of 2: <@U0ALICE>') ? true : undefined,
    );
    expect(rollbacks).toHaveLength(0);
    expect(slack.callsOf('usergroups.users.list').length).toBeGreaterThanOrEqual(1);

    const before = slack.messages.length;
    await click(card, `${RUNBOOK_ACTION_IDS.approvePrefix}1`, 'U0BOB');
    const summary = await waitUntil('summary', () =>
      slack.messages
        .slice(before)
        .find((m) => m.thread_ts === alertTs && m.text === 'Roll back the last deploy: succeeded'),
    );
    expect(summary).toBeDefined();
    expect(rollbacks).toHaveLength(1);
    expect(rollbacks[0]).toMatchObject({
      path: '/namespaces/webshop/deployments/quoterservice/rollback',
      auth: `Bearer ${DEPLOY_TOKEN}`,
    });
    const [run] = await stack.storage.runs.list(incidentId);
    expect(run?.status).toBe('succeeded');
    // The approval card has no buttons left once the run finished.
    await waitUntil('card settled', () => (buttons(card).length === 0 ? true : undefined));

    // A late click changes nothing and runs nothing again.
    await click(plan, RUNBOOK_ACTION_IDS.cancel, 'U0CAROL');
    expect(rollbacks).toHaveLength(1);

    // The secret is in no Slack message, ephemeral or audit record; the chain verifies.
    const everything = JSON.stringify([slack.calls, slack.ephemerals, await stack.storage.audit.query({ incidentId })]);
    expect(everything).not.toContain(DEPLOY_TOKEN);
    const trail = (await stack.storage.audit.query({ incidentId })).map((a) => a.action);
    for (const a of [
      'runbook.proposed',
      'approval.requested',
      'approval.granted',
      'step.started',
      'step.finished',
      'run.finished',
    ])
      expect(trail).toContain(a);
    const verified = await verifyAudit(stack.storage, { key: 'rb-e2e-checkpoint-key-0123456789abcdef' });
    expect(verified.ok).toBe(true);
    for (const c of slack.calls.filter((x) => x.method === 'chat.update' || x.method === 'chat.postMessage'))
      expect(validateMessage({ text: String(c.params.text), blocks: c.params.blocks as never })).toEqual([]);
  });

  it('/causeway run proposes with key=value parameters; a rejection cancels the run and nothing runs', async () => {
    const before = slack.messages.length;
    const r = await sendSigned(
      `${url}/slack/events`,
      slashCommandBody({
        text: `run slack-rollback ${incidentId} change=gl-deploy-94201-hotfix`,
        channel: ALERTS,
        user: 'U0ONCALL',
        responseUrl: slack.responseUrl('run1'),
      }),
      'application/x-www-form-urlencoded',
      { secret: SECRET },
    );
    expect(r.status).toBe(200);
    await stack.slack.idle();
    const plan2 = await waitUntil('plan card', () =>
      slack.messages.slice(before).find((m) => m.text.startsWith('Plan:')),
    );
    // In the incident's thread (the board knows it), with the given parameter.
    expect(plan2.thread_ts).toBe(alertTs);
    expect(JSON.stringify(plan2.blocks)).toContain('gl-deploy-94201-hotfix');
    await click(plan2, RUNBOOK_ACTION_IDS.requestApproval, 'U0ONCALL');
    const card2 = await waitUntil('approval card', () =>
      slack.messages
        .slice(before)
        .find((m) => m !== card && buttons(m).some((b) => b.action_id.startsWith(RUNBOOK_ACTION_IDS.rejectPrefix))),
    );
    await click(card2, `${RUNBOOK_ACTION_IDS.rejectPrefix}1`, 'U0CAROL');
    await waitUntil('rejection notice', () =>
      slack.messages.slice(before).find((m) => m.text.includes('rejected step 2')),
    );
    const runs = await stack.storage.runs.list(incidentId);
    expect(runs.map((x) => x.status).sort()).toEqual(['cancelled', 'succeeded']);
    expect(rollbacks).toHaveLength(1);

    // Bad input: unknown runbook and a missing incident are told to the person only.
    for (const [text, expected] of [
      [`run no-such-runbook ${incidentId}`, 'RUNBOOK_NOT_FOUND'],
      ['run slack-rollback INC-20260101-000000', 'INCIDENT_NOT_FOUND'],
      [`run slack-rollback ${incidentId} change="two words"`, 'RUNBOOK_PARAMS_INVALID'],
    ] as const) {
      const respond = `bad-${expected}`;
      const x = await sendSigned(
        `${url}/slack/events`,
        slashCommandBody({ text, channel: ALERTS, user: 'U0ONCALL', responseUrl: slack.responseUrl(respond) }),
        'application/x-www-form-urlencoded',
        { secret: SECRET },
      );
      await stack.slack.idle();
      const said = `${x.body} ${JSON.stringify(slack.responses.filter((y) => y.path.endsWith(respond)))}`;
      expect(said).toContain(expected);
    }
  });

  it('/causeway run without an incident: the one open incident, or the person is asked to name one', async () => {
    const slash = async (text: string, respond: string) => {
      await sendSigned(
        `${url}/slack/events`,
        slashCommandBody({ text, channel: ALERTS, user: 'U0ONCALL', responseUrl: slack.responseUrl(respond) }),
        'application/x-www-form-urlencoded',
        { secret: SECRET },
      );
      await stack.slack.idle();
    };
    const before = slack.messages.length;
    await slash('run slack-rollback', 'one-open');
    const plan3 = await waitUntil('plan card', () =>
      slack.messages.slice(before).find((m) => m.text.startsWith('Plan:')),
    );
    expect(JSON.stringify(plan3.blocks)).toContain(incidentId);
    expect((await stack.storage.runs.list(incidentId)).length).toBe(3);

    await slash('triage shippingservice', 'second');
    const end = Date.now() + 20_000;
    while ((await stack.storage.incidents.list({ status: 'open' })).length < 2 && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    await slash('run slack-rollback', 'two-open');
    const said = await waitUntil('answer', () =>
      slack.responses.find((y) => y.path.endsWith('two-open') && JSON.stringify(y.body).includes('INCIDENT_NOT_FOUND')),
    );
    expect(JSON.stringify(said.body)).toContain('Several incidents are open');
    expect((await stack.storage.runs.list(incidentId)).length).toBe(3);
  });

  it('an approval request runs out: the card shows it expired (countdown refreshed each tick), a late approval is refused', async () => {
    const before = slack.messages.length;
    await sendSigned(
      `${url}/slack/events`,
      slashCommandBody({
        text: `run slack-rollback ${incidentId}`,
        channel: ALERTS,
        user: 'U0ONCALL',
        responseUrl: slack.responseUrl('expiry'),
      }),
      'application/x-www-form-urlencoded',
      { secret: SECRET },
    );
    const plan4 = await waitUntil('plan card', () =>
      slack.messages.slice(before).find((m) => m.text.startsWith('Plan:')),
    );
    await click(plan4, RUNBOOK_ACTION_IDS.requestApproval, 'U0ONCALL');
    const card4 = await waitUntil('approval card', () =>
      slack.messages
        .slice(before)
        .find((m) => buttons(m).some((b) => b.action_id.startsWith(RUNBOOK_ACTION_IDS.approvePrefix))),
    );
    expect(JSON.stringify(card4.blocks)).toMatch(/expires in (29|30) min/);
    const approve = buttons(card4).find((b) => b.action_id === `${RUNBOOK_ACTION_IDS.approvePrefix}1`) as Button;
    const stale = { ...card4, blocks: [...card4.blocks] };
    skewMs = 31 * 60_000;
    await waitUntil('card shows expiry', () => (buttons(card4).length === 0 ? true : undefined));
    expect(JSON.stringify(card4.blocks)).toMatch(/expired/i);
    const runId = JSON.parse(approve.value).r as string;
    const trail = await stack.storage.audit.query({ incidentId });
    expect(trail.some((a) => a.action === 'approval.expired' && a.subject === `run:${runId}/step:1`)).toBe(true);
    // A click on the card as it was before the expiry is refused.
    await click(stale, approve.action_id, 'U0ALICE', approve.value);
    await waitUntil('refusal', () =>
      ephemeralsTo('U0ALICE').some((t) => t.includes('APPROVAL_EXPIRED')) ? true : undefined,
    );
    expect(rollbacks).toHaveLength(1);
    skewMs = 0;
  });

  it('/metrics counts what the audit trail records: approvals by decision, step executions by status', async () => {
    const trail = await stack.storage.audit.query({ incidentId });
    const count = (action: string, status?: string) =>
      trail.filter((a) => a.action === action && (status === undefined || a.data.status === status)).length;
    const value = (text: string, name: string, label: string) =>
      Number(new RegExp(`^${name}\\{${label}\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    const text = await metrics.text();
    // Alice and Bob granted the rollback, Carol rejected the second run, the fourth request expired.
    expect(value(text, 'causeway_approvals_total', 'decision="granted"')).toBe(2);
    expect(value(text, 'causeway_approvals_total', 'decision="denied"')).toBe(1);
    expect(value(text, 'causeway_approvals_total', 'decision="expired"')).toBe(count('approval.expired'));
    expect(count('approval.expired')).toBeGreaterThanOrEqual(1);
    const succeeded = value(text, 'causeway_executions_total', 'status="succeeded"');
    expect(succeeded).toBe(count('step.finished', 'succeeded'));
    expect(succeeded).toBeGreaterThanOrEqual(2);
    expect(value(text, 'causeway_executions_total', 'status="failed"')).toBe(0);
  });
});
