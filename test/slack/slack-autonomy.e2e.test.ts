import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { formatAuditTimeline } from '../../src/core/audit/format-audit-timeline.ts';
import { RUNBOOK_ACTION_IDS } from '../../src/core/chat/runbook-action-ids.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import type { Runtime } from '../../src/runtime/runtime.ts';
import { type SlackStack, startSlackStack } from '../../src/runtime/start-slack-stack.ts';
import { startFakePagerDuty } from '../support/fake-pagerduty.ts';
import { type FakeMessage, type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { blockActionsBody, eventCallbackBody, sendSigned, slashCommandBody } from '../support/fake-slack-client.ts';
import { slackHttpEnv } from '../support/slack-http-env.ts';
import { testRuntime } from '../support/test-runtime.ts';
import { waitUntil } from '../support/wait-until.ts';
import { alertmanagerLabelledMessage } from './alert-messages.ts';

const SECRET = 'auto-signing-secret-0123456789abcdef';
const TOKEN = 'xoxb-5555-6666-autotoken';
const ALERTS = 'C0AUTO';
const PD_KEY = 'abcdef0123456789abcdef0123456789';
const BUNDLE = mkdtempSync(join(tmpdir(), 'causeway-slack-autonomy-bundle-'));
cpSync(new URL('../../examples/webshop-deploy', import.meta.url).pathname, BUNDLE, { recursive: true });
const payload = JSON.parse(readFileSync(`${BUNDLE}/alert.json`, 'utf8'));

let slack: FakeSlack;
let pd: Awaited<ReturnType<typeof startFakePagerDuty>>;
const stacks: SlackStack[] = [];
const runtimes: Runtime[] = [];
let deployApi: Server;
/** What reached the deploy API, and whether the service is healthy after a rollback. */
const hits: string[] = [];
let healthy = true;
/** Added to both replicas' clocks: moves time past the stop window. */
let skewMs = 0;
/** The announcement of the step that ran by itself and resolved (Undo is pressed on it last). */
let resolvedCountdown: FakeMessage | undefined;

type Button = { action_id: string; value: string };
type Blocks = { type: string; block_id?: string; elements?: Button[] }[];
const buttons = (m: FakeMessage) =>
  (m.blocks as Blocks).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const url = (i = 0) => `http://127.0.0.1:${stacks[i]?.port}`;
const idle = async () => {
  for (const s of stacks) await s.slack.idle();
};

async function click(m: FakeMessage, actionId: string, user: string, replica = 0): Promise<void> {
  const b = buttons(m).find((e) => e.action_id === actionId);
  if (!b) throw new Error(`no button ${actionId}: ${JSON.stringify(buttons(m).map((x) => x.action_id))}`);
  const block = (m.blocks as Blocks).find((x) => x.elements?.some((e) => e.action_id === actionId))?.block_id;
  const r = await sendSigned(
    `${url(replica)}/slack/events`,
    blockActionsBody({
      actionId,
      blockId: block as string,
      value: b.value,
      user,
      channel: m.channel,
      message: { ts: m.ts, ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), text: m.text, blocks: m.blocks },
      responseUrl: slack.responseUrl(`click-${user}-${m.ts}`),
    }),
    'application/x-www-form-urlencoded',
    { secret: SECRET },
  );
  expect(r.status).toBe(200);
  await idle();
}

async function slash(text: string, user: string): Promise<string> {
  const key = `slash-${user}-${Math.random().toString(36).slice(2)}`;
  const r = await sendSigned(
    `${url()}/slack/events`,
    slashCommandBody({ text, channel: ALERTS, user, responseUrl: slack.responseUrl(key) }),
    'application/x-www-form-urlencoded',
    { secret: SECRET },
  );
  await idle();
  return `${r.body} ${JSON.stringify(slack.responses.filter((y) => y.path.endsWith(key)))}`;
}

let alerts = 0;
/** A new alert of the example incident (a new `attempt` label: a new incident), posted in the channel; its thread ts. */
async function alert(): Promise<string> {
  const n = ++alerts;
  const p = structuredClone(payload);
  p.alerts[0].labels.attempt = String(n);
  p.commonLabels.attempt = String(n);
  const ts = `1763900${String(n).padStart(3, '0')}.000100`;
  await sendSigned(
    `${url()}/slack/events`,
    eventCallbackBody(alertmanagerLabelledMessage(p, ts, ALERTS), `EvAUTO${n}`),
    'application/json',
    { secret: SECRET },
  );
  await waitUntil(`incident ${n}`, () => slack.messages.find((m) => m.thread_ts === ts));
  return ts;
}
const inThread = (ts: string, f: (m: FakeMessage) => boolean) => slack.messages.find((m) => m.thread_ts === ts && f(m));
/** The step's name as announced: the announcement, every tick, Stop, the run and Undo all say it. */
const STEP = 'Roll back quoterservice';
/** Every text a message was edited with (the chat.update calls the local Slack received, in order). */
const editsOf = (m: FakeMessage) =>
  slack.calls
    .filter((c) => c.method === 'chat.update' && c.params.channel === m.channel && c.params.ts === m.ts)
    .map((c) => String(c.params.text ?? ''));

const RUNBOOK = (port: number) => `id: auto-rollback
title: Roll back the last deploy
autonomy: autonomous
match:
  kinds: [deploy]
params:
  service:
    type: string
    from: hypothesis.service
steps:
  - id: rollback
    name: Roll back {{ params.service }}
    uses: http
    with:
      method: POST
      url: http://127.0.0.1:${port}/deployments/{{ params.service }}/rollback
      expectStatus: 200
    risk: low
    approval:
      from: [oncall]
    onFailure: rollback
    timeout: 10s
    verify:
      id: healthy
      name: '{{ params.service }} healthy again'
      uses: http
      with:
        method: GET
        url: http://127.0.0.1:${port}/deployments/{{ params.service }}/health
        expectStatus: 200
      timeout: 10s
    rollback:
      - id: forward
        name: Roll {{ params.service }} forward again
        uses: http
        with:
          method: POST
          url: http://127.0.0.1:${port}/deployments/{{ params.service }}/roll-forward
          expectStatus: 200
        risk: low
        approval:
          from: [oncall]
        timeout: 10s
`;

beforeAll(async () => {
  deployApi = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') hits.push(req.url ?? '');
      const ok = req.method === 'POST' || healthy;
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok }));
    });
  });
  await new Promise<void>((r) => deployApi.listen(0, '127.0.0.1', r));
  const port = (deployApi.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'causeway-slack-autonomy-'));
  writeFileSync(join(dir, 'auto-rollback.yaml'), RUNBOOK(port));
  slack = await startFakeSlack({ botToken: TOKEN });
  pd = await startFakePagerDuty();
  const config = loadConfig({
    env: slackHttpEnv({
      token: TOKEN,
      secret: SECRET,
      apiUrl: slack.apiUrl,
      alertChannels: ALERTS,
      bundleDir: BUNDLE,
      extra: { CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'causeway.db')}`, CAUSEWAY_SLACK_CHARTS: 'false' },
    }),
    file: {
      path: 'causeway.yaml',
      text: `audit: {checkpointKey: auto-e2e-checkpoint-key-0123456789abcdef}
ingest: {groupBy: [service, attempt]}
runbooks:
  dir: ${dir}
  approval:
    groups:
      oncall: [U0OPS1, U0OPS2]
      sre: [U0SRE1]
  http:
    allowHosts: ['127.0.0.1']
autonomy:
  countdownSeconds: 60
  maxRunsPerServicePerHour: 5
  pagerduty: {routingKey: ${PD_KEY}, url: '${pd.url}', timeoutSeconds: 5}
`,
    },
  });
  if (!config.ok) throw new Error(JSON.stringify(config.error));
  // Two replicas of the Slack app over one database, both ticking countdowns.
  for (const id of ['a', 'b']) {
    const runtime = testRuntime(config.value, { now: () => Date.now() + skewMs, instanceId: `e2e/auto-${id}` });
    runtimes.push(runtime);
    const started = await startSlackStack(config.value, runtime, { approvalTickMs: 300, autonomyTickMs: 100 });
    if (!started.ok) throw new Error(started.error.message);
    stacks.push(started.value);
  }
});

afterAll(async () => {
  for (const s of stacks) await s.stop();
  for (const r of runtimes) await r.close();
  await slack?.close();
  await pd?.close();
  await new Promise<void>((r) => (deployApi ? deployApi.close(() => r()) : r()));
});

describe('earned autonomy through Slack (two replicas, local Slack and PagerDuty)', () => {
  it('shadow over ten incidents people approved and ran: then the runbook is eligible', async () => {
    for (let n = 1; n <= 10; n++) {
      const ts = await alert();
      const plan = await waitUntil(`plan card ${n}`, () => inThread(ts, (m) => m.text.startsWith('Plan:')));
      const why = await waitUntil(`why ${n}`, () => inThread(ts, (m) => m.text.includes('Not run by itself')));
      expect(why.text).toMatch(/Not run by itself: scored shadow incidents \d+ \(needs 10\)/);
      await click(plan, RUNBOOK_ACTION_IDS.requestApproval, 'U0OPS1');
      const card = await waitUntil(`approval card ${n}`, () =>
        inThread(ts, (m) => buttons(m).some((b) => b.action_id.startsWith(RUNBOOK_ACTION_IDS.approvePrefix))),
      );
      const approve = buttons(card).find((b) => b.action_id.startsWith(RUNBOOK_ACTION_IDS.approvePrefix)) as Button;
      await click(card, approve.action_id, 'U0OPS2');
      await waitUntil(`run ${n} finished`, () =>
        inThread(ts, (m) => /succeeded/i.test(m.text) && m.text.includes('Roll back')),
      );
      skewMs += 2 * 3_600_000;
    }
    expect(hits.filter((h) => h.endsWith('/rollback'))).toHaveLength(10);
    const report = await slash('autonomy', 'U0OPS1');
    expect(report).toMatch(/auto-rollback\s+autonomous\s+10\s+10\s+100%\s+100%\s+yes/);
  }, 240_000);

  it('Stop pressed in the window: nothing runs', async () => {
    const ts = await alert();
    const countdown = await waitUntil('countdown', () => inThread(ts, (m) => m.text.startsWith('Running')));
    expect(countdown.text).toMatch(/^Running Roll back quoterservice in 60 s — Stop$/);
    // A countdown tick edits it: the title stays the one it was announced with.
    await waitUntil('a countdown tick', () => (countdown.edits > 0 ? true : undefined));
    expect(countdown.text).toMatch(/^Running Roll back quoterservice in \d+ s — Stop$/);
    await click(countdown, RUNBOOK_ACTION_IDS.stop, 'U0SRE1');
    expect(slack.ephemerals.at(-1)?.text).toContain('APPROVAL_FORBIDDEN');
    await click(countdown, RUNBOOK_ACTION_IDS.stop, 'U0OPS1', 1);
    await waitUntil('stopped', () => (countdown.text.includes('stopped by') ? true : undefined));
    expect(countdown.text).toContain(`${STEP} was stopped by`);
    expect(editsOf(countdown).filter((t) => !t.includes(STEP))).toEqual([]);
    skewMs += 61_000;
    await new Promise((r) => setTimeout(r, 500));
    expect(hits.filter((h) => h.endsWith('/rollback'))).toHaveLength(10);
    skewMs += 2 * 3_600_000;
  });

  it('not stopped: it runs once across the two replicas, verifies, and resolves without a page', async () => {
    const paged = pd.events.length;
    const ts = await alert();
    const countdown = await waitUntil('countdown', () => inThread(ts, (m) => m.text.startsWith('Running')));
    skewMs += 61_000;
    await waitUntil('resolved', () => inThread(ts, (m) => m.text.includes('resolved without paging anyone')));
    await idle();
    expect(hits.filter((h) => h.endsWith('/rollback'))).toHaveLength(11);
    expect(countdown.text).toContain(`${STEP} ran by itself`);
    expect(editsOf(countdown).filter((t) => !t.includes(STEP))).toEqual([]);
    expect(buttons(countdown).map((b) => b.action_id)).toEqual([RUNBOOK_ACTION_IDS.undo]);
    resolvedCountdown = countdown;
    expect(pd.events.length).toBe(paged);
    skewMs += 2 * 3_600_000;
  });

  it('paused by an approver (not by others): supervised again; resumed', async () => {
    expect(await slash('pause all game day', 'U0NOBODY')).toContain('APPROVAL_FORBIDDEN');
    expect(await slash('pause all game day', 'U0SRE1')).toContain('Autonomy paused for *all*');
    const ts = await alert();
    await waitUntil('supervised', () => inThread(ts, (m) => m.text.includes('Not run by itself')));
    expect(inThread(ts, (m) => m.text.includes('Not run by itself'))?.text).toContain('pause paused (all)');
    expect(inThread(ts, (m) => m.text.includes('Autonomy is paused'))).toBeDefined();
    // The incident message itself says so while the pause holds.
    const incidentMessage = slack.messages.find((m) => m.thread_ts === ts) as FakeMessage;
    await waitUntil('paused on the incident message', () =>
      JSON.stringify(incidentMessage.blocks).includes('Autonomy is paused (all)') ? true : undefined,
    );
    expect(inThread(ts, (m) => m.text.startsWith('Running'))).toBeUndefined();
    expect(await slash('resume', 'U0SRE1')).toContain('resumed for *all*');
    skewMs += 2 * 3_600_000;
  });

  it('a failing verify: rollback, page with a dedup key, demotion; Undo of the earlier run; the audit chain verifies and explains', async () => {
    healthy = false;
    const before = pd.events.length;
    const ts = await alert();
    await waitUntil('countdown', () => inThread(ts, (m) => m.text.startsWith('Running')));
    skewMs += 61_000;
    await waitUntil('not resolved', () => inThread(ts, (m) => m.text.includes('did not resolve')));
    await idle();
    expect(inThread(ts, (m) => m.text.includes('did not resolve'))?.text).toContain('on-call paged (PagerDuty)');
    expect(hits.filter((h) => h.endsWith('/roll-forward'))).toHaveLength(1);
    const page = pd.events.slice(before);
    expect(page.map((e) => e.event_action)).toEqual(['trigger']);
    expect(page[0]?.dedup_key).toMatch(/^causeway\/INC-/);
    expect(await slash('autonomy', 'U0OPS1')).toMatch(/since its demotion/);

    // [Undo] on the step that had resolved an earlier incident: its rollback runs once, by an approver.
    const done = resolvedCountdown as FakeMessage;
    await click(done, RUNBOOK_ACTION_IDS.undo, 'U0SRE1');
    expect(slack.ephemerals.at(-1)?.text).toContain('APPROVAL_FORBIDDEN');
    await click(done, RUNBOOK_ACTION_IDS.undo, 'U0OPS2', 1);
    await waitUntil('undone', () => (done.text.includes('was undone by') ? true : undefined));
    expect(done.text).toContain(`${STEP} ran by itself and was undone by`);
    expect(hits.filter((h) => h.endsWith('/roll-forward'))).toHaveLength(2);
    expect(buttons(done)).toEqual([]);

    const storage = (await runtimes[0]?.storage()) as { ok: true; value: Storage };
    expect((await verifyAudit(storage.value)).ok).toBe(true);
    const decided = (await storage.value.audit.query({})).filter((r) => r.action === 'autonomy.decided');
    const text = formatAuditTimeline(decided).join('\n');
    expect(text).toContain('Allowed to run by itself: runbook auto-rollback');
    expect(text).toContain('✗ pause paused (all) by slack:U0SRE1: game day');
    // The probability is the calibration's (refitted from time to time): any value the gate let through.
    expect(text).toMatch(/Top hypothesis h1: quoterservice deploy, probability (0\.\d+|1)\b/);
  });
});
