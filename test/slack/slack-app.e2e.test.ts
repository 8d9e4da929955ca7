import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import type { ChatMessage } from '../../src/core/chat/block-kit.ts';
import { CHAT_IDS } from '../../src/core/chat/chat-ids.ts';
import { validateMessage } from '../../src/core/chat/validate-message.ts';
import type { Runtime } from '../../src/runtime/runtime.ts';
import { type SlackStack, startSlackStack } from '../../src/runtime/start-slack-stack.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { blockActionsBody, eventCallbackBody, sendSigned, slashCommandBody } from '../support/fake-slack-client.ts';
import { slackHttpEnv } from '../support/slack-http-env.ts';
import { testRuntime } from '../support/test-runtime.ts';
import { waitUntil } from '../support/wait-until.ts';
import { alertmanagerDefaultMessage } from './alert-messages.ts';

const SECRET = 'e2e-signing-secret-0123456789abcdef';
const TOKEN = 'xoxb-1111-2222-e2etoken';
const ALERTS = 'C0ALERTS1';
const INCIDENTS = 'C0INCIDNT';
const BUNDLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const payload = JSON.parse(readFileSync(`${BUNDLE}/alert.json`, 'utf8'));

let slack: FakeSlack;
let stack: SlackStack;
let runtime: Runtime | undefined;
let url: string;
const log: string[] = [];

const asMessage = (m: { text: string; blocks: unknown[] }) => m as unknown as ChatMessage;
const event = (e: Record<string, unknown>, id: string, retryNum?: number) =>
  sendSigned(`${url}/slack/events`, eventCallbackBody(e, id), 'application/json', {
    secret: SECRET,
    ...(retryNum !== undefined ? { retryNum } : {}),
  });
const command = (text: string, channel = INCIDENTS, respond = 'r1') =>
  sendSigned(
    `${url}/slack/events`,
    slashCommandBody({ text, channel, user: 'U0ONCALL', responseUrl: slack.responseUrl(respond) }),
    'application/x-www-form-urlencoded',
    { secret: SECRET },
  );

beforeAll(async () => {
  slack = await startFakeSlack({ botToken: TOKEN });
  const config = loadConfig({
    env: slackHttpEnv({
      token: TOKEN,
      secret: SECRET,
      apiUrl: slack.apiUrl,
      alertChannels: ALERTS,
      bundleDir: BUNDLE,
      extra: { CAUSEWAY_SLACK_RATE_LIMIT_INVESTIGATIONS: '2' },
    }),
  });
  if (!config.ok) throw new Error(JSON.stringify(config.error));
  runtime = testRuntime(config.value, { lines: log });
  const started = await startSlackStack(config.value, runtime);
  if (!started.ok) throw new Error(started.error.message);
  stack = started.value;
  url = `http://127.0.0.1:${stack.port}`;
});

afterAll(async () => {
  await stack?.stop();
  await runtime?.close();
  await slack?.close();
});

describe('Slack app end to end (HTTP mode, local Slack)', () => {
  it('an alert in a watched channel: threaded incident message, edited in place, chart uploaded, feedback recorded and audited', async () => {
    const alertTs = '1763899000.000100';
    const r = await event(alertmanagerDefaultMessage(payload, alertTs, ALERTS), 'Ev0ALERT1');
    expect(r.status).toBe(200);
    const incidentMsg = await waitUntil('incident message', () => slack.messages.find((m) => m.thread_ts === alertTs));
    expect(incidentMsg.channel).toBe(ALERTS);
    await waitUntil('chart', () => slack.files.find((f) => f.thread_ts === alertTs));
    await stack.slack.idle();
    // Edited in place: one message, several edits, the last one shows the result.
    expect(slack.callsOf('chat.postMessage').filter((c) => c.params.thread_ts === alertTs)).toHaveLength(1);
    expect(incidentMsg.edits).toBeGreaterThanOrEqual(2);
    expect(incidentMsg.text).toContain('quoterservice');
    const blockText = JSON.stringify(incidentMsg.blocks);
    expect(blockText).toContain('gl-deploy-94201');
    expect(blockText).toContain(CHAT_IDS.actions.right);
    expect(validateMessage(asMessage(incidentMsg))).toEqual([]);
    for (const c of slack.calls.filter((x) => x.method === 'chat.update' || x.method === 'chat.postMessage'))
      expect(validateMessage({ text: String(c.params.text), blocks: c.params.blocks as never })).toEqual([]);
    // The chart: a PNG uploaded with files.uploadV2's three steps, into the alert's thread.
    const file = slack.files.find((f) => f.thread_ts === alertTs);
    expect(file?.channel_id).toBe(ALERTS);
    const bytes = slack.uploads.get(file?.id as string)?.bytes as Buffer;
    expect(bytes.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(true);
    expect(slack.callsOf('files.getUploadURLExternal')).toHaveLength(1);

    // 👍 on the leading hypothesis.
    const actions = (
      incidentMsg.blocks as { block_id?: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.block_id === CHAT_IDS.blocks.actions);
    const right = actions?.elements?.find((e) => e.action_id === CHAT_IDS.actions.right);
    const click = await sendSigned(
      `${url}/slack/events`,
      blockActionsBody({
        actionId: CHAT_IDS.actions.right,
        value: right?.value as string,
        user: 'U0ONCALL',
        channel: ALERTS,
        message: { ts: incidentMsg.ts, thread_ts: alertTs, text: incidentMsg.text, blocks: incidentMsg.blocks },
        responseUrl: slack.responseUrl('click1'),
      }),
      'application/x-www-form-urlencoded',
      { secret: SECRET },
    );
    expect(click.status).toBe(200);
    await waitUntil('tally', () => JSON.stringify(incidentMsg.blocks).includes('👍 1') || undefined);
    await stack.slack.idle();
    const incidents = await stack.storage.incidents.list();
    expect(incidents).toHaveLength(1);
    const id = incidents[0]?.id as string;
    const votes = await stack.storage.feedback.list(id);
    expect(votes).toMatchObject([{ hypothesisId: 'h1', verdict: 'confirmed', user: 'slack:U0ONCALL' }]);
    const audit = await stack.storage.audit.query({ incidentId: id });
    const actionsSeen = audit.map((a) => a.action);
    for (const a of ['alert.received', 'incident.opened', 'message.posted', 'hypotheses.produced', 'feedback.recorded'])
      expect(actionsSeen).toContain(a);
    expect(audit.find((a) => a.action === 'feedback.recorded')?.actor).toBe('slack:U0ONCALL');
    expect(slack.ephemerals.some((e) => e.text.includes('recorded 👍'))).toBe(true);
    const saved = await stack.storage.incidents.latestTriage(id);
    expect(saved?.origin).toMatchObject({ kind: 'bundle', id: 'webshop-deploy' });
  });

  it('retries and re-notifications never start a second investigation', async () => {
    const posts = slack.callsOf('chat.postMessage').length;
    const incidentsBefore = (await stack.storage.incidents.list()).length;
    const alertTs = '1763899000.000100';
    // Slack's retry of the same delivery (same event_id, X-Slack-Retry-Num).
    const retry = await event(alertmanagerDefaultMessage(payload, alertTs, ALERTS), 'Ev0ALERT1', 1);
    expect(retry.status).toBe(200);
    // Alertmanager's re-notification: a new message, same group.
    const again = await event(alertmanagerDefaultMessage(payload, '1763899300.000200', ALERTS), 'Ev0ALERT2');
    expect(again.status).toBe(200);
    await stack.slack.idle();
    expect((await stack.storage.incidents.list()).length).toBe(incidentsBefore);
    expect(slack.callsOf('chat.postMessage').length).toBe(posts);
    const id = (await stack.storage.incidents.list())[0]?.id as string;
    const joined = (await stack.storage.audit.query({ incidentId: id })).filter((a) => a.action === 'incident.joined');
    expect(joined).toHaveLength(1);
    // The incident message counts the notification.
    const msg = slack.messages.find((m) => m.thread_ts === alertTs);
    await waitUntil('count', () => JSON.stringify(msg?.blocks).includes('2 alert notifications') || undefined);
  });

  it('resolved notifications resolve; warnings start nothing; other messages are ignored', async () => {
    const posts = slack.callsOf('chat.postMessage').length;
    const warning = {
      ...payload,
      commonLabels: { ...payload.commonLabels, severity: 'warning' },
      groupLabels: { alertname: 'DiskFilling' },
    };
    await event(alertmanagerDefaultMessage(warning, '1763899400.000300', ALERTS), 'Ev0WARN');
    await event(
      { type: 'message', user: 'U0HUMAN', text: 'is checkout down?', ts: '1763899401.000100', channel: ALERTS },
      'Ev0CHAT',
    );
    const resolved = {
      ...payload,
      status: 'resolved',
      alerts: payload.alerts.map((a: object) => ({ ...a, status: 'resolved' })),
    };
    await event(alertmanagerDefaultMessage(resolved, '1763899500.000400', ALERTS), 'Ev0RESOLVED');
    await stack.slack.idle();
    expect(slack.callsOf('chat.postMessage').length).toBe(posts);
    const [incident] = await stack.storage.incidents.list();
    expect(incident?.status).toBe('resolved');
    // Resolved in chat, it is remembered for "seen before" (its fingerprint, found by its leading cause).
    const remembered = await stack.storage.seenBefore.candidates(['root:quoterservice/deploy'], { limit: 5 });
    expect(remembered.map((e) => e.incidentId)).toEqual([incident?.id]);
    const msg = slack.messages.find((m) => m.thread_ts === '1763899000.000100');
    await waitUntil('resolved header', () => JSON.stringify(msg?.blocks).includes('(resolved)') || undefined);
  });

  it('/causeway triage: acknowledged within 3 s, then the result is posted and updated in the channel', async () => {
    const before = slack.messages.length;
    const r = await command('triage shippingservice --since 30m');
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(3000);
    expect(JSON.parse(r.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(r.body).toContain('Triaging');
    const msg = await waitUntil('incident message', () =>
      slack.messages.slice(before).find((m) => m.channel === INCIDENTS),
    );
    await stack.slack.idle();
    expect(msg.thread_ts).toBeUndefined();
    expect(msg.edits).toBeGreaterThanOrEqual(1);
    expect(msg.text).toContain('quoterservice');
    expect(validateMessage(asMessage(msg))).toEqual([]);
    // The chart goes into the message's own thread.
    expect(slack.files.some((f) => f.thread_ts === msg.ts)).toBe(true);
  });

  it('/causeway help, status, runbooks, and errors as ephemeral messages that say what to do', async () => {
    const help = await command('help');
    expect(help.status).toBe(200);
    expect(help.body).toContain('triage');
    const bad = await command('frobnicate');
    expect(bad.body).toContain('USAGE');
    expect(bad.body).toContain('help');
    const since = await command('triage checkout --since soon');
    expect(since.body).toContain('30m');
    const rb = await command('runbooks disk', INCIDENTS, 'rb');
    expect(rb.status).toBe(200);
    await stack.slack.idle();
    expect(JSON.stringify(slack.responses.find((x) => x.path === '/respond/rb')?.body)).toContain(
      'No runbooks are configured',
    );
    await command('status', INCIDENTS, 'st');
    await stack.slack.idle();
    expect(JSON.stringify(slack.responses.find((x) => x.path === '/respond/st')?.body)).toContain('Open incidents');
    // Not a member of the channel: Slack says not_in_channel; the person is told to invite the app.
    slack.notInChannel.add('C0PRIVATE');
    await command('triage checkout', 'C0PRIVATE', 'nic');
    await stack.slack.idle();
    const answer = JSON.stringify(slack.responses.find((x) => x.path === '/respond/nic')?.body);
    expect(answer).toContain('not_in_channel');
    expect(answer).toContain('/invite @Causeway');
  });

  it('bad signatures get 401 and run nothing', async () => {
    const calls = slack.calls.length;
    const audit = (await stack.storage.audit.head())?.seq;
    const body = slashCommandBody({
      text: 'triage checkout',
      channel: INCIDENTS,
      user: 'U0EVIL',
      responseUrl: slack.responseUrl('evil'),
    });
    const wrong = await sendSigned(`${url}/slack/events`, body, 'application/x-www-form-urlencoded', {
      secret: 'not-the-secret',
    });
    const stale = await sendSigned(`${url}/slack/events`, body, 'application/x-www-form-urlencoded', {
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    const unsigned = await sendSigned(`${url}/slack/events`, body, 'application/x-www-form-urlencoded', {
      secret: SECRET,
      unsigned: true,
    });
    const ev = await sendSigned(
      `${url}/slack/events`,
      eventCallbackBody(alertmanagerDefaultMessage(payload, '1763899900.000900', ALERTS), 'Ev0EVIL'),
      'application/json',
      { secret: 'nope' },
    );
    for (const r of [wrong, stale, unsigned, ev]) expect(r.status).toBe(401);
    await stack.slack.idle();
    expect(slack.calls.length).toBe(calls);
    expect((await stack.storage.audit.head())?.seq).toBe(audit);
    // Bolt wrote about the rejected requests through the one pino logger (JSON lines), redacted.
    const slackLines = log
      .map((l) => JSON.parse(l) as { component?: string; logger?: string })
      .filter((l) => l.component === 'slack');
    expect(slackLines.length).toBeGreaterThan(0);
    expect(log.join('')).not.toContain(TOKEN);
    expect(log.join('')).not.toContain(SECRET);
  });

  it('a 429 is waited out for its Retry-After and retried; new messages are paced per channel', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const t0 = Date.now();
    const before = slack.callsOf('chat.postMessage').length;
    await command('triage paymentservice');
    await waitUntil('message after 429', () =>
      slack.callsOf('chat.postMessage').length >= before + 2 ? true : undefined,
    );
    await stack.slack.idle();
    const posts = slack.callsOf('chat.postMessage').slice(before);
    expect(posts).toHaveLength(2);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    // Pacing: consecutive new messages in one channel are at least ~1 s apart.
    const inChannel = slack.callsOf('chat.postMessage').filter((c) => c.params.channel === INCIDENTS);
    for (let i = 1; i < inChannel.length; i++)
      expect((inChannel[i]?.at ?? 0) - (inChannel[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });
});
