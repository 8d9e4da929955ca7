import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { CHAT_IDS } from '../../src/core/chat/chat-ids.ts';
import type { Runtime } from '../../src/runtime/runtime.ts';
import { type SlackStack, startSlackStack } from '../../src/runtime/start-slack-stack.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { blockActionsBody, eventCallbackBody, slashCommandBody } from '../support/fake-slack-client.ts';
import { slackHttpEnv } from '../support/slack-http-env.ts';
import { testRuntime } from '../support/test-runtime.ts';
import { waitUntil } from '../support/wait-until.ts';
import { alertmanagerDefaultMessage } from './alert-messages.ts';

const TOKEN = 'xoxb-7777-8888-sockettoken';
const APP_TOKEN = 'xapp-1-A0CAUSEWAY-7777-socketmodeapptoken';
const ALERTS = 'C0ALERTS3';
const BUNDLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const payload = JSON.parse(readFileSync(`${BUNDLE}/alert.json`, 'utf8'));

/**
 * Slack's Socket Mode side, on 127.0.0.1: apps.connections.open (the local Slack) hands out this
 * server's URL; on connect it says `hello`, then pushes envelopes (events_api, slash_commands,
 * interactive) and collects the acknowledgements `{envelope_id, payload}`; `disconnect` asks the
 * client to reconnect, as Slack does when it recycles a connection.
 */
let wss: WebSocketServer;
let socket: WebSocket | undefined;
let connections = 0;
const acks: { envelope_id: string; payload?: Record<string, unknown> }[] = [];
let slack: FakeSlack;
let stack: SlackStack;
let runtime: Runtime | undefined;
const log: string[] = [];

let envelopes = 0;
/** Pushes one envelope and waits for its acknowledgement (Slack retries after 3 s without one). */
const push = async (type: string, body: Record<string, unknown>, acceptsResponsePayload = false) => {
  const id = `env-${++envelopes}`;
  const sentAt = Date.now();
  socket?.send(
    JSON.stringify({
      envelope_id: id,
      type,
      payload: body,
      accepts_response_payload: acceptsResponsePayload,
      ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
    }),
  );
  const ack = await waitUntil(`ack of ${id}`, () => acks.find((a) => a.envelope_id === id), 3_000);
  return { ack, ms: Date.now() - sentAt };
};

/** `/causeway <text>` in the alert channel as a slash_commands envelope (form fields as an object). */
const slash = (text: string, respond: string) =>
  push(
    'slash_commands',
    Object.fromEntries(
      new URLSearchParams(
        slashCommandBody({ text, channel: ALERTS, user: 'U0ONCALL', responseUrl: slack.responseUrl(respond) }),
      ),
    ),
    true,
  );

beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  wss.on('connection', (ws) => {
    connections++;
    socket = ws;
    ws.on('message', (data) => acks.push(JSON.parse(String(data))));
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-local', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0CAUSEWAY' },
      }),
    );
  });
  slack = await startFakeSlack({ botToken: TOKEN });
  slack.setSocketUrl(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=local`);
  const config = loadConfig({
    env: slackHttpEnv({
      token: TOKEN,
      secret: 'unused-in-socket-mode-0123456789',
      apiUrl: slack.apiUrl,
      alertChannels: ALERTS,
      bundleDir: BUNDLE,
      extra: { CAUSEWAY_SLACK_MODE: 'socket', CAUSEWAY_SLACK_APP_TOKEN: APP_TOKEN, CAUSEWAY_SLACK_CHARTS: 'false' },
    }),
  });
  if (!config.ok) throw new Error(JSON.stringify(config.error));
  runtime = testRuntime(config.value, { lines: log });
  const started = await startSlackStack(config.value, runtime);
  if (!started.ok) throw new Error(started.error.message);
  stack = started.value;
}, 30_000);

afterAll(async () => {
  await stack?.stop();
  await runtime?.close();
  await slack?.close();
  for (const c of wss?.clients ?? []) c.terminate();
  await new Promise<void>((r) => (wss ? wss.close(() => r()) : r()));
});

describe('Slack app end to end in Socket Mode (local Slack and its WebSocket side)', () => {
  it('connects with the app token, no public URL: apps.connections.open, then hello', () => {
    expect(stack.port).toBeUndefined();
    expect(connections).toBe(1);
    const open = slack.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.auth).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('an alert message pushed as events_api is acknowledged at once and triaged in its thread', async () => {
    const alertTs = '1763899100.000100';
    const { ms } = await push(
      'events_api',
      JSON.parse(eventCallbackBody(alertmanagerDefaultMessage(payload, alertTs, ALERTS), 'Ev0SOCK1')),
    );
    expect(ms).toBeLessThan(3_000);
    const incident = await waitUntil('incident message', () => slack.messages.find((m) => m.thread_ts === alertTs));
    await waitUntil('result', () => (incident.text.includes('quoterservice') ? true : undefined));
    await stack.slack.idle();
    expect(JSON.stringify(incident.blocks)).toContain('gl-deploy-94201');

    // 👍 through an interactive envelope: acknowledged, recorded, audited.
    const actions = (
      incident.blocks as { block_id?: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.block_id === CHAT_IDS.blocks.actions);
    const right = actions?.elements?.find((e) => e.action_id === CHAT_IDS.actions.right);
    const form = blockActionsBody({
      actionId: CHAT_IDS.actions.right,
      value: right?.value as string,
      user: 'U0ONCALL',
      channel: ALERTS,
      message: { ts: incident.ts, thread_ts: alertTs, text: incident.text, blocks: incident.blocks },
      responseUrl: slack.responseUrl('sock-click'),
    });
    const click = await push('interactive', JSON.parse(new URLSearchParams(form).get('payload') as string));
    expect(click.ms).toBeLessThan(3_000);
    await waitUntil('tally', () => (JSON.stringify(incident.blocks).includes('👍 1') ? true : undefined));
    await stack.slack.idle();
    const [inc] = await stack.storage.incidents.list();
    expect(await stack.storage.feedback.list(inc?.id as string)).toMatchObject([
      { verdict: 'confirmed', user: 'slack:U0ONCALL' },
    ]);
  });

  it('/causeway help as a slash_commands envelope is acknowledged within 3 s and answered privately', async () => {
    const before = slack.responses.length + slack.ephemerals.length;
    const { ms, ack } = await slash('help', 'sock-help');
    expect(ms).toBeLessThan(3_000);
    await stack.slack.idle();
    const answered = JSON.stringify([ack.payload ?? {}, slack.responses.slice(), slack.ephemerals.slice()]);
    expect(slack.responses.length + slack.ephemerals.length + (ack.payload?.text ? 1 : 0)).toBeGreaterThan(before);
    expect(answered).toMatch(/triage/);
  });

  it('reconnects when Slack recycles the connection, and keeps handling events', async () => {
    socket?.send(
      JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'applink-local' } }),
    );
    await waitUntil('a second connection', () => (connections >= 2 ? true : undefined), 20_000);
    expect(slack.callsOf('apps.connections.open').length).toBeGreaterThanOrEqual(2);
    // The new connection may still be saying hello: push once it is open.
    await waitUntil('the new connection open', () => (socket?.readyState === 1 ? true : undefined), 5_000);
    const before = slack.responses.length + slack.ephemerals.length;
    const { ms, ack } = await slash('status', 'sock-status');
    expect(ms).toBeLessThan(3_000);
    await stack.slack.idle();
    // The open incident from the first test is reported over the new connection.
    await waitUntil('the status answer', () =>
      slack.responses.length + slack.ephemerals.length > before || ack.payload?.text ? true : undefined,
    );
    expect(JSON.stringify([ack.payload ?? {}, slack.responses, slack.ephemerals])).toMatch(/INC-/);
  });
});
