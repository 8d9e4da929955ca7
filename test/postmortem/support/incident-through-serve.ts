import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServeProcess, startServe } from '../../serve/support/start-serve.ts';
import { waitFor } from '../../serve/support/wait-for.ts';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.ts';
import { blockActionsBody, sendSigned } from '../../support/fake-slack-client.ts';

export const PAGE_KEY = 'incident-page-test-key-0123456789abcdef-xyz';
const TOKEN = 'postmortem-webhook-token-0123456789';
const BOT = 'xoxb-7777-8888-postmortem';
const SIGNING = 'postmortem-signing-secret-0123456';
export const INCIDENTS = 'C0POSTMRT';
const BUNDLE = new URL('../../../examples/webshop-deploy', import.meta.url).pathname;

/** A free TCP port on 127.0.0.1 (for the Slack app's HTTP receiver, which serve does not log). */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export type DrivenIncident = {
  readonly dir: string;
  readonly db: string;
  readonly slack: FakeSlack;
  readonly serve: ServeProcess;
  readonly slackUrl: string;
  readonly incidentId: string;
  readonly env: Record<string, string>;
  /** Clicks a button of the incident message as `user` (a signed block_actions request). */
  click(actionId: string, user: string): Promise<number>;
  /** The same alert fires again (after the first incident was resolved): the new incident's id. */
  fireAgain(): Promise<string>;
  close(): Promise<void>;
};

/**
 * An incident driven end to end: `causeway serve` with the Slack app (HTTP mode, the local Slack),
 * an Alertmanager webhook that opens it, its triage posted in the incident channel, then the
 * resolution. Incident pages are on (signed links, `postmortem.pageBaseUrl` = serve's own URL is
 * not known before it starts, so links in Slack use a placeholder base).
 */
export async function driveIncidentThroughServe(extra: Record<string, string> = {}): Promise<DrivenIncident> {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-postmortem-'));
  const db = join(dir, 'db.sqlite');
  const slack = await startFakeSlack({ botToken: BOT });
  const slackPort = await freePort();
  const env = {
    CAUSEWAY_STORAGE_URL: `sqlite:${db}`,
    CAUSEWAY_SOURCES_BUNDLE_DIR: BUNDLE,
    CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: TOKEN,
    CAUSEWAY_SLACK_MODE: 'http',
    CAUSEWAY_SLACK_BOT_TOKEN: BOT,
    CAUSEWAY_SLACK_SIGNING_SECRET: SIGNING,
    CAUSEWAY_SLACK_API_URL: slack.apiUrl,
    CAUSEWAY_SLACK_BOT_ID: 'B0BOT',
    CAUSEWAY_SLACK_BOT_USER_ID: 'U0BOT',
    CAUSEWAY_SLACK_PORT: String(slackPort),
    CAUSEWAY_SLACK_HOST: '127.0.0.1',
    CAUSEWAY_SLACK_CHARTS: 'false',
    CAUSEWAY_SLACK_INCIDENT_CHANNEL: INCIDENTS,
    CAUSEWAY_POSTMORTEM_PAGE_KEY: PAGE_KEY,
    CAUSEWAY_POSTMORTEM_PAGE_BASE_URL: 'https://causeway.example.test',
    ...extra,
  };
  const serve = await startServe(env);
  const body = JSON.parse(readFileSync(join(BUNDLE, 'alert.json'), 'utf8'));
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  body.alerts[0].startsAt = startsAt;
  const post = async (b: unknown) =>
    fetch(`${serve.url}/webhooks/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(b),
    });
  const r = await post(body);
  if (r.status !== 202) throw new Error(`webhook: ${r.status} ${await r.text()}`);
  const incidentId = ((await r.json()) as { opened: string[] }).opened[0] as string;
  const message = await waitFor(
    'the triage result in the incident channel',
    async () =>
      slack.messages.find(
        (m) => m.channel === INCIDENTS && !m.thread_ts && JSON.stringify(m.blocks).includes('causeway_timeline'),
      ),
    60_000,
  );
  const slackUrl = `http://127.0.0.1:${slackPort}/slack/events`;
  const click = async (actionId: string, user: string) => {
    const action = (message.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === actionId);
    if (!action) throw new Error(`no button ${actionId}`);
    const res = await sendSigned(
      slackUrl,
      blockActionsBody({
        actionId,
        value: action.value,
        user,
        channel: INCIDENTS,
        message: { ts: message.ts, text: message.text, blocks: message.blocks },
        responseUrl: slack.responseUrl('click'),
      }),
      'application/x-www-form-urlencoded',
      { secret: SIGNING },
    );
    return res.status;
  };
  // 👍 on the leading hypothesis, then the alert resolves: the incident closes.
  if ((await click('causeway_feedback_right', 'U0ONCALL')) !== 200) throw new Error('feedback click refused');
  await waitFor('the feedback stored', async () =>
    slack.ephemerals.find((e) => /recorded 👍 right/.test(e.text)) ? true : undefined,
  );
  for (const a of body.alerts) {
    a.status = 'resolved';
    a.startsAt = startsAt;
    a.endsAt = new Date().toISOString();
  }
  body.status = 'resolved';
  await post(body);
  await waitFor(
    'the incident resolved',
    async () =>
      /causeway_incidents_resolved_total 1$/m.test(await (await fetch(`${serve.url}/metrics`)).text())
        ? true
        : undefined,
    30_000,
  );
  return {
    dir,
    db,
    slack,
    serve,
    slackUrl,
    incidentId,
    env,
    click,
    async fireAgain() {
      const again = JSON.parse(readFileSync(join(BUNDLE, 'alert.json'), 'utf8'));
      again.alerts[0].startsAt = new Date().toISOString();
      const res = await post(again);
      if (res.status !== 202) throw new Error(`webhook: ${res.status}`);
      return ((await res.json()) as { opened: string[] }).opened[0] as string;
    },
    async close() {
      await serve.stop();
      await slack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
