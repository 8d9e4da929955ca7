import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import type { Runtime } from '../../src/runtime/runtime.ts';
import { type SlackStack, startSlackStack } from '../../src/runtime/start-slack-stack.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.ts';
import { groundedModel } from '../support/fake-openai-scripts.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { eventCallbackBody, sendSigned } from '../support/fake-slack-client.ts';
import { slackHttpEnv } from '../support/slack-http-env.ts';
import { testRuntime } from '../support/test-runtime.ts';
import { alertmanagerDefaultMessage } from './alert-messages.ts';

const SECRET = 'narrative-signing-secret-0123456789';
const TOKEN = 'xoxb-3333-4444-narrative';
const ALERTS = 'C0ALERTS9';
const BUNDLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const PROMPTS = new URL('../../prompts', import.meta.url).pathname;
const payload = JSON.parse(readFileSync(`${BUNDLE}/alert.json`, 'utf8'));

let slack: FakeSlack;
let model: FakeOpenAi;
let stack: SlackStack;
let runtime: Runtime | undefined;

beforeAll(async () => {
  slack = await startFakeSlack({ botToken: TOKEN });
  // A slow model: the deterministic result must not wait for it.
  model = await startFakeOpenAi(async (req) => ({ ...groundedModel(req), delayMs: 1500 }));
  const config = loadConfig({
    env: slackHttpEnv({
      token: TOKEN,
      secret: SECRET,
      apiUrl: slack.apiUrl,
      alertChannels: ALERTS,
      bundleDir: BUNDLE,
      extra: {
        CAUSEWAY_SLACK_CHARTS: 'false',
        CAUSEWAY_LLM_MODEL: 'local-test-model',
        CAUSEWAY_LLM_BASE_URL: model.url,
        CAUSEWAY_LLM_API_KEY: 'sk-local-test',
      },
    }),
  });
  if (!config.ok) throw new Error(JSON.stringify(config.error));
  runtime = testRuntime(config.value, { promptsDir: PROMPTS });
  const started = await startSlackStack(config.value, runtime);
  if (!started.ok) throw new Error(started.error.message);
  stack = started.value;
});

afterAll(async () => {
  await stack?.stop();
  await runtime?.close();
  await slack?.close();
  await model?.close();
});

const text = (c: { params: Record<string, unknown> }) =>
  `${String(c.params.text ?? '')} ${JSON.stringify(c.params.blocks ?? '')}`;

describe('Slack with a model configured: narrative and follow-up questions', () => {
  it('shows the deterministic result first, then edits in the grounded narrative; the call is audited', async () => {
    const alertTs = '1763899555.000100';
    const body = eventCallbackBody(alertmanagerDefaultMessage(payload, alertTs, ALERTS), 'Ev0NARR1');
    const r = await sendSigned(`http://127.0.0.1:${stack.port}/slack/events`, body, 'application/json', {
      secret: SECRET,
    });
    expect(r.status).toBe(200);
    const edits = () => slack.calls.filter((c) => c.method === 'chat.update' || c.method === 'chat.postMessage');
    const end = Date.now() + 30_000;
    while (!edits().some((c) => /quoterservice/.test(text(c)) && /gl-deploy-94201/.test(text(c)))) {
      if (Date.now() > end) throw new Error('no result posted');
      await new Promise((res) => setTimeout(res, 20));
    }
    const resultAt = Date.now();
    // The model answers 1.5 s later; until then the result stands without a narrative.
    expect(model.requests.length).toBeLessThanOrEqual(1);
    while (!edits().some((c) => /Requests are failing and errors rose sharply/.test(text(c)))) {
      if (Date.now() > end) throw new Error('no narrative edited in');
      await new Promise((res) => setTimeout(res, 20));
    }
    expect(Date.now() - resultAt).toBeGreaterThan(500);
    expect(model.requests.every((q) => q.path === '/v1/chat/completions')).toBe(true);
    // The call's audit record is written as the answer is handled; under load it may land just after the edit.
    while (!(await stack.storage.audit.query({ limit: 1000 })).some((a) => a.action === 'llm.called')) {
      if (Date.now() > end) throw new Error('llm.called never audited');
      await new Promise((res) => setTimeout(res, 20));
    }

    // A follow-up question in the incident thread: answered in the thread, grounded, read-only.
    const mention = {
      type: 'app_mention',
      user: 'U0ONCALL',
      text: '<@U0BOT> why not the database?',
      ts: '1763899600.000200',
      thread_ts: alertTs,
      channel: ALERTS,
      event_ts: '1763899600.000200',
    };
    const q = await sendSigned(
      `http://127.0.0.1:${stack.port}/slack/events`,
      eventCallbackBody(mention, 'Ev0ASK1'),
      'application/json',
      {
        secret: SECRET,
      },
    );
    expect(q.status).toBe(200);
    const answered = () =>
      slack.calls.find(
        (c) => c.method === 'chat.postMessage' && c.params.thread_ts === alertTs && /not at the database/.test(text(c)),
      );
    while (!answered()) {
      if (Date.now() > end + 30_000) throw new Error('no answer in the thread');
      await new Promise((res) => setTimeout(res, 20));
    }
    // The post is audited once Slack has answered it: wait for the record, not just the call.
    const audited = async () =>
      (await stack.storage.audit.query({ limit: 1000 })).some(
        (a) => a.action === 'message.posted' && (a.data as { kind?: string }).kind === 'answer',
      );
    while (!(await audited())) {
      if (Date.now() > end + 30_000) throw new Error('the answer was posted but never audited');
      await new Promise((res) => setTimeout(res, 20));
    }
    const after = await stack.storage.audit.query({ limit: 1000 });
    expect(after.filter((a) => a.action === 'llm.called').length).toBeGreaterThanOrEqual(3);
  });

  it('says where it can answer when asked outside an incident thread', async () => {
    const mention = {
      type: 'app_mention',
      user: 'U0X',
      text: '<@U0BOT> hello',
      ts: '1763899700.000100',
      channel: ALERTS,
      event_ts: '1763899700.000100',
    };
    await sendSigned(
      `http://127.0.0.1:${stack.port}/slack/events`,
      eventCallbackBody(mention, 'Ev0ASK2'),
      'application/json',
      { secret: SECRET },
    );
    const end = Date.now() + 10_000;
    while (!slack.calls.some((c) => c.method === 'chat.postEphemeral' && /thread of an incident/.test(text(c)))) {
      if (Date.now() > end) throw new Error('no ephemeral note');
      await new Promise((res) => setTimeout(res, 20));
    }
  });
});
