import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { CHAT_IDS } from '../../src/core/chat/chat-ids.ts';
import { validateMessage } from '../../src/core/chat/validate-message.ts';
import type { Runtime } from '../../src/runtime/runtime.ts';
import { type SlackStack, startSlackStack } from '../../src/runtime/start-slack-stack.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { eventCallbackBody, sendSigned } from '../support/fake-slack-client.ts';
import { writeLateBundle } from '../support/late-bundle.ts';
import { slackHttpEnv } from '../support/slack-http-env.ts';
import { testRuntime } from '../support/test-runtime.ts';
import { waitUntil } from '../support/wait-until.ts';
import { alertmanagerDefaultMessage } from './alert-messages.ts';

const SECRET = 'late-data-signing-secret-0123456789';
const TOKEN = 'xoxb-3333-4444-latedata';
const ALERTS = 'C0ALERTSL';

let dir: string;
let bundle: ReturnType<typeof writeLateBundle>;
let slack: FakeSlack;
let stack: SlackStack;
let runtime: Runtime | undefined;
let url: string;
const log: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-late-slack-'));
  // Payment's deploy breaks it 40 s before the alert; the newest minute of logs and traces is not
  // there yet when the alert arrives (the shipper's batch is late).
  bundle = writeLateBundle(join(dir, 'late'), { onsetBeforeAlertMs: 40_000, missingMs: 60_000 });
  slack = await startFakeSlack({ botToken: TOKEN });
  const config = loadConfig({
    env: slackHttpEnv({
      token: TOKEN,
      secret: SECRET,
      apiUrl: slack.apiUrl,
      alertChannels: ALERTS,
      bundleDir: bundle.dir,
      extra: { CAUSEWAY_SLACK_CHARTS: 'false', CAUSEWAY_TRIAGE_LATE_DATA_RETRIAGE_AFTER_SECONDS: '3,6' },
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
  rmSync(dir, { recursive: true, force: true });
});

const blocksOf = (m: { blocks: unknown[] }) => m.blocks as { block_id?: string; elements?: { text?: string }[] }[];

describe('Slack: an alert triaged before its newest telemetry arrived', () => {
  it('is re-triaged when the late minute lands: the same message is edited with a note of what changed, saved and audited', async () => {
    const payload = JSON.parse(readFileSync(join(bundle.dir, 'alert.json'), 'utf8'));
    const alertTs = '1763900000.000100';
    const r = await sendSigned(
      `${url}/slack/events`,
      eventCallbackBody(alertmanagerDefaultMessage(payload, alertTs, ALERTS), 'Ev0LATE1'),
      'application/json',
      { secret: SECRET },
    );
    expect(r.status).toBe(200);
    const message = await waitUntil('the incident message', () => slack.messages.find((m) => m.thread_ts === alertTs));
    // The first result, from the data that had arrived: the front end's errors, low confidence.
    await waitUntil(
      'the first result',
      () => blocksOf(message).some((b) => b.block_id === CHAT_IDS.blocks.actions) || undefined,
    );
    expect(blocksOf(message).some((b) => b.block_id === CHAT_IDS.blocks.revised)).toBe(false);

    // The shipper's batch lands; the re-triage reads it.
    bundle.appendLate();
    const note = await waitUntil('the revision note', () =>
      blocksOf(message).find((b) => b.block_id === CHAT_IDS.blocks.revised),
    );
    await stack.slack.idle();
    const noteText = note.elements?.[0]?.text ?? '';
    expect(noteText).toContain('Revised with late data');
    expect(noteText).toMatch(/re-triage 1\): \d+ s more data, now up to \d\d:\d\d:\d\d UTC/);
    expect(JSON.stringify(message.blocks)).toContain('deploy-payment-42');
    expect(validateMessage({ text: message.text, blocks: message.blocks as never })).toEqual([]);
    // Edited in place: still one message in the thread.
    expect(slack.callsOf('chat.postMessage').filter((c) => c.params.thread_ts === alertTs)).toHaveLength(1);

    const [incident] = await stack.storage.incidents.list();
    const id = incident?.id as string;
    const saved = await stack.storage.incidents.latestTriage(id);
    expect(saved?.version).toBe(2);
    expect(saved?.report.hypotheses[0]).toMatchObject({ service: 'payment', kind: 'deploy' });
    const trail = await stack.storage.audit.query({ incidentId: id });
    const produced = trail.filter((a) => a.action === 'hypotheses.produced');
    expect(produced).toHaveLength(1);
    const revised = trail.filter((a) => a.action === 'hypotheses.revised');
    expect(revised).toHaveLength(1);
    // Before the late minute something else led (the deploy's failures were not there yet); after it, payment's deploy.
    const firstTop = ((produced[0]?.data.hypotheses ?? []) as { service: string; kind: string }[])[0];
    const previous = {
      top: firstTop ? `${firstTop.service} (${firstTop.kind})` : null,
      confidence: produced[0]?.data.confidence,
    };
    expect(previous.top).not.toBe('payment (deploy)');
    expect(revised[0]?.data).toMatchObject({
      revision: 1,
      version: 2,
      previous,
      current: { top: 'payment (deploy)', confidence: saved?.report.confidence },
    });
    // The note says the same as the audit trail.
    expect(noteText).toContain(`leading: ${previous.top} → *payment (deploy)*`);
    if (previous.confidence !== saved?.report.confidence)
      expect(noteText).toContain(`confidence: ${previous.confidence} → *${saved?.report.confidence}*`);
    // The edit that showed it is audited like every other (after the revision record).
    const after = trail.slice(trail.indexOf(revised[0] as (typeof trail)[number]));
    expect(after.some((a) => a.action === 'message.posted' && a.data.kind === 'update')).toBe(true);
    // The data reached the as-of time: no second re-triage waits.
    expect(log.some((l) => l.includes('re-triage scheduled') && l.includes('"revision":1'))).toBe(true);
    expect(log.some((l) => l.includes('re-triage scheduled') && l.includes('"revision":2'))).toBe(false);
  });
});
