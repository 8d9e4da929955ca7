import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { CHAT_IDS } from '../../src/core/chat/chat-ids.ts';
import type { Storage } from '../../src/core/storage/storage.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { writeLateBundle } from '../support/late-bundle.ts';
import { type ServeProcess, startServe } from './support/start-serve.ts';
import { waitFor } from './support/wait-for.ts';

const TOKEN = 'late-data-webhook-token-0123456789';
const BOT = 'xoxb-9999-0000-latedata';
const INCIDENTS = 'C0INCIDTL';

let dir: string;
let serve: ServeProcess | undefined;
let slack: FakeSlack | undefined;

afterEach(async () => {
  if (serve) expect(await serve.stop()).toBe(0);
  serve = undefined;
  await slack?.close();
  slack = undefined;
  rmSync(dir, { recursive: true, force: true });
});

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

/** The rankings audited so far: `hypotheses.produced` and `hypotheses.revised` records. */
const rankings = () =>
  withStorage(async (s) => (await s.audit.query({})).filter((a) => a.action.startsWith('hypotheses.')));

/** A bundle whose newest minute of logs and traces lands late, and serve reading it (with Slack when asked). */
async function start(env: Record<string, string> = {}) {
  dir = mkdtempSync(join(tmpdir(), 'causeway-late-serve-'));
  const bundle = writeLateBundle(join(dir, 'late'), { onsetBeforeAlertMs: 40_000, missingMs: 60_000 });
  serve = await startServe({
    CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    CAUSEWAY_SOURCES_BUNDLE_DIR: bundle.dir,
    CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: TOKEN,
    CAUSEWAY_TRIAGE_LATE_DATA_RETRIAGE_AFTER_SECONDS: '3,6',
    ...env,
  });
  const r = await fetch(`${serve.url}/webhooks/alerts/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: readFileSync(join(bundle.dir, 'alert.json'), 'utf8'),
  });
  expect(r.status).toBe(202);
  return bundle;
}

describe('causeway serve: a webhook triaged before its newest telemetry arrived', () => {
  it('headless: re-triaged once the late minute lands; the revision is saved and audited, the claim stays one', async () => {
    const bundle = await start();
    const first = await waitFor('the first ranking', async () => {
      const r = await rankings();
      return r.length > 0 ? r : undefined;
    });
    expect(first.map((a) => a.action)).toEqual(['hypotheses.produced']);
    bundle.appendLate();
    const all = await waitFor('the revision', async () => {
      const r = await rankings();
      return r.some((a) => a.action === 'hypotheses.revised') ? r : undefined;
    });
    expect(all.map((a) => a.action)).toEqual(['hypotheses.produced', 'hypotheses.revised']);
    const incidentId = String(all[0]?.data.incidentId);
    const firstTop = ((all[0]?.data.hypotheses ?? []) as { service: string; kind: string }[])[0];
    const previous = {
      top: firstTop ? `${firstTop.service} (${firstTop.kind})` : null,
      confidence: all[0]?.data.confidence,
    };
    expect(previous.top).not.toBe('payment (deploy)');
    expect(all[1]?.data).toMatchObject({
      incidentId,
      revision: 1,
      version: 2,
      previous,
      current: { top: 'payment (deploy)' },
    });
    await withStorage(async (s) => {
      expect((await s.incidents.latestTriage(incidentId))?.report.hypotheses[0]).toMatchObject({
        service: 'payment',
        kind: 'deploy',
      });
      expect(await s.effects.get(`investigation:${incidentId}`)).toMatchObject({ state: 'succeeded' });
      expect(await s.effects.get(`investigation:${incidentId}#2`)).toBeUndefined();
    });
    expect(serve?.stdout()).toContain('re-triage with late data revised the ranking');
  }, 60_000);

  it('with Slack: the incident channel’s message is edited in place with the revision', async () => {
    slack = await startFakeSlack({ botToken: BOT });
    const bundle = await start({
      CAUSEWAY_SLACK_MODE: 'http',
      CAUSEWAY_SLACK_BOT_TOKEN: BOT,
      CAUSEWAY_SLACK_SIGNING_SECRET: 'late-data-signing-secret-0123',
      CAUSEWAY_SLACK_API_URL: slack.apiUrl,
      CAUSEWAY_SLACK_BOT_ID: 'B0BOT',
      CAUSEWAY_SLACK_BOT_USER_ID: 'U0BOT',
      CAUSEWAY_SLACK_PORT: '0',
      CAUSEWAY_SLACK_HOST: '127.0.0.1',
      CAUSEWAY_SLACK_CHARTS: 'false',
      CAUSEWAY_SLACK_INCIDENT_CHANNEL: INCIDENTS,
    });
    const fake = slack;
    const blocks = (m: { blocks: unknown[] }) => m.blocks as { block_id?: string; elements?: { text?: string }[] }[];
    const message = await waitFor('the first result in the incident channel', async () =>
      fake.messages.find(
        (m) => m.channel === INCIDENTS && blocks(m).some((b) => b.block_id === CHAT_IDS.blocks.actions),
      ),
    );
    bundle.appendLate();
    const note = await waitFor('the revision note', async () =>
      blocks(message).find((b) => b.block_id === CHAT_IDS.blocks.revised),
    );
    expect(note.elements?.[0]?.text).toMatch(/leading: .+ → \*payment \(deploy\)\*/);
    expect(fake.callsOf('chat.postMessage').filter((c) => c.params.channel === INCIDENTS)).toHaveLength(1);
    expect((await rankings()).map((a) => a.action)).toEqual(['hypotheses.produced', 'hypotheses.revised']);
  }, 60_000);
});
