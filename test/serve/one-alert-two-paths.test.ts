import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { prometheusFingerprint } from '../../src/core/chat/alerts/prometheus-fingerprint.ts';
import type { Incident } from '../../src/core/storage/incident-store.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { alertmanagerLabelledMessage } from '../slack/alert-messages.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { eventCallbackBody, sendSigned } from '../support/fake-slack-client.ts';
import { type ServeProcess, startServe } from './support/start-serve.ts';
import { waitFor } from './support/wait-for.ts';

const TOKEN = 'one-incident-webhook-token-0123456789';
const BOT = 'xoxb-7777-8888-oneincident';
const SIGNING = 'one-incident-signing-secret-0123';
const ALERTS = 'C0ALERTS9';
const INCIDENTS = 'C0INCIDT9';
const BUNDLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;

let dir: string;
let slack: FakeSlack;
let serve: ServeProcess;
let slackUrl: string;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** The example alert as Alertmanager sends it: firing since `startsAt`, its own fingerprint of its labels. */
function alertmanagerBody(environment: string, startsAt: number) {
  const body = JSON.parse(readFileSync(join(BUNDLE, 'alert.json'), 'utf8'));
  for (const a of body.alerts) {
    a.labels.environment = environment;
    a.startsAt = new Date(startsAt).toISOString();
    a.fingerprint = prometheusFingerprint(a.labels);
  }
  body.commonLabels.environment = environment;
  return body;
}

async function postWebhook(body: unknown): Promise<void> {
  const r = await fetch(`${serve.url}/webhooks/alerts/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
  expect(r.status).toBe(202);
}

async function postInChannel(body: Parameters<typeof alertmanagerLabelledMessage>[0], ts: string, id: string) {
  const r = await sendSigned(
    `${slackUrl}/slack/events`,
    eventCallbackBody(alertmanagerLabelledMessage(body, ts, ALERTS), id),
    'application/json',
    { secret: SIGNING },
  );
  expect(r.status).toBe(200);
}

/** Reads the service's database (a second connection, as an operator would). */
async function withStorage<T>(f: (s: Storage) => Promise<T>): Promise<T> {
  const opened = await openStorage(`sqlite:${join(dir, 'db.sqlite')}`, { clock: Date.now });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return await f(opened.value);
  } finally {
    await opened.value.close();
  }
}

/** What one incident produced: investigations (rankings audited) and incident messages in Slack. */
async function outcomeOf(incident: Incident) {
  const trail = await withStorage((s) => s.audit.query({ incidentId: incident.id }));
  return {
    investigations: trail.filter((a) => a.action === 'hypotheses.produced').length,
    incidentMessages: trail.filter((a) => a.action === 'message.posted' && a.data.kind === 'incident').length,
    // Threads in Slack: top-level and threaded posts that carry this incident's message.
    slackMessages: slack.messages.filter((m) => JSON.stringify(m.blocks).includes(incident.id)).length,
  };
}

/** The incidents holding an alert of this environment. */
const incidentsOf = (environment: string) =>
  withStorage(async (s) => {
    const out: Incident[] = [];
    for (const i of await s.incidents.list({ limit: 20 }))
      if ((await s.incidents.alerts(i.id)).some((a) => a.alert.labels.environment === environment)) out.push(i);
    return out;
  });

/** The audit records of accepted deliveries (`alert.received`), by whichever path. */
const deliveries = () =>
  withStorage(async (s) => (await s.audit.query({})).filter((a) => a.action === 'alert.received').length);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-one-incident-'));
  slack = await startFakeSlack({ botToken: BOT });
  const port = await freePort();
  slackUrl = `http://127.0.0.1:${port}`;
  serve = await startServe({
    CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    CAUSEWAY_SOURCES_BUNDLE_DIR: BUNDLE,
    CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: TOKEN,
    CAUSEWAY_SLACK_MODE: 'http',
    CAUSEWAY_SLACK_BOT_TOKEN: BOT,
    CAUSEWAY_SLACK_SIGNING_SECRET: SIGNING,
    CAUSEWAY_SLACK_API_URL: slack.apiUrl,
    CAUSEWAY_SLACK_BOT_ID: 'B0BOT',
    CAUSEWAY_SLACK_BOT_USER_ID: 'U0BOT',
    CAUSEWAY_SLACK_PORT: String(port),
    CAUSEWAY_SLACK_HOST: '127.0.0.1',
    CAUSEWAY_SLACK_CHARTS: 'false',
    CAUSEWAY_SLACK_ALERT_CHANNELS: ALERTS,
    CAUSEWAY_SLACK_INCIDENT_CHANNEL: INCIDENTS,
  });
}, 60_000);

afterAll(async () => {
  expect(await serve?.stop()).toBe(0);
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('one alert, by webhook and in a watched channel: one incident, one investigation, one thread', () => {
  it('the webhook first, then Alertmanager’s Slack notification of the same alert', async () => {
    const startsAt = Date.now() - 30_000;
    const body = alertmanagerBody('production', startsAt);
    await postWebhook(body);
    const [incident] = await waitFor('the incident', async () => {
      const found = await incidentsOf('production');
      return found.length > 0 ? found : undefined;
    });
    await waitFor('its triage', async () =>
      (await outcomeOf(incident as Incident)).investigations ? true : undefined,
    );
    // Alertmanager's notification reaches the channel after its group_wait.
    const before = await deliveries();
    await postInChannel(body, ((startsAt + 31_000) / 1000).toFixed(6), 'Ev0ONE1');
    await waitFor('the notification is accepted', async () => ((await deliveries()) > before ? true : undefined));
    // Whatever the second delivery would start (an investigation, a message) has time to show.
    await new Promise((r) => setTimeout(r, 3000));
    const incidents = await incidentsOf('production');
    expect(incidents.map((i) => i.id)).toEqual([(incident as Incident).id]);
    expect(await outcomeOf(incident as Incident)).toEqual({ investigations: 1, incidentMessages: 1, slackMessages: 1 });
  });

  it('the Slack notification first, then the webhook of the same alert', async () => {
    const startsAt = Date.now() - 40_000;
    const body = alertmanagerBody('staging', startsAt);
    await postInChannel(body, ((startsAt + 31_000) / 1000).toFixed(6), 'Ev0ONE2');
    const [incident] = await waitFor('the incident', async () => {
      const found = await incidentsOf('staging');
      return found.length > 0 ? found : undefined;
    });
    await waitFor('its triage', async () =>
      (await outcomeOf(incident as Incident)).investigations ? true : undefined,
    );
    const before = await deliveries();
    await postWebhook(body);
    await waitFor('the delivery is accepted', async () => ((await deliveries()) > before ? true : undefined));
    // Whatever the second delivery would start (an investigation, a message) has time to show.
    await new Promise((r) => setTimeout(r, 3000));
    const incidents = await incidentsOf('staging');
    expect(incidents.map((i) => i.id)).toEqual([(incident as Incident).id]);
    expect(await outcomeOf(incident as Incident)).toEqual({ investigations: 1, incidentMessages: 1, slackMessages: 1 });
  });
});
