import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { type ServeProcess, startServe } from './support/start-serve.ts';
import { waitFor } from './support/wait-for.ts';

const TOKEN = 'serve-slack-webhook-token-0123456789';
const BOT = 'xoxb-5555-6666-serveslack';
const INCIDENTS = 'C0INCIDT2';
const BUNDLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;

let dir: string;
let slack: FakeSlack;
let serve: ServeProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-serve-slack-'));
  slack = await startFakeSlack({ botToken: BOT });
  serve = await startServe({
    CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    CAUSEWAY_SOURCES_BUNDLE_DIR: BUNDLE,
    CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: TOKEN,
    CAUSEWAY_SLACK_MODE: 'http',
    CAUSEWAY_SLACK_BOT_TOKEN: BOT,
    CAUSEWAY_SLACK_SIGNING_SECRET: 'serve-slack-signing-secret-0123',
    CAUSEWAY_SLACK_API_URL: slack.apiUrl,
    CAUSEWAY_SLACK_BOT_ID: 'B0BOT',
    CAUSEWAY_SLACK_BOT_USER_ID: 'U0BOT',
    CAUSEWAY_SLACK_PORT: '0',
    CAUSEWAY_SLACK_HOST: '127.0.0.1',
    CAUSEWAY_SLACK_CHARTS: 'false',
    CAUSEWAY_SLACK_INCIDENT_CHANNEL: INCIDENTS,
  });
}, 60_000);

afterAll(async () => {
  expect(await serve?.stop()).toBe(0);
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('causeway serve with Slack: incidents from webhooks are triaged in the incident channel', () => {
  it('an Alertmanager webhook opens an incident whose message, progress and result go to the incident channel', async () => {
    const body = JSON.parse(readFileSync(join(BUNDLE, 'alert.json'), 'utf8'));
    body.alerts[0].startsAt = new Date(Date.now() - 30_000).toISOString();
    const r = await fetch(`${serve.url}/webhooks/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(202);
    const text = (c: { params: Record<string, unknown> }) =>
      `${String(c.params.text ?? '')} ${JSON.stringify(c.params.blocks ?? '')}`;
    const result = await waitFor(
      'the result in the incident channel',
      async () =>
        slack.calls.find(
          (c) =>
            (c.method === 'chat.update' || c.method === 'chat.postMessage') &&
            c.params.channel === INCIDENTS &&
            /quoterservice/.test(text(c)),
        ),
      30_000,
    );
    expect(text(result)).toMatch(/gl-deploy-94201/);
    expect(slack.callsOf('chat.postMessage').filter((c) => c.params.channel === INCIDENTS)).toHaveLength(1);
  });
});
