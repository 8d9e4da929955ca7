import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
let stopped = false;
let firingStartsAt = '';
let collector: Server;
const spans: { name: string; attributes: { key: string; value: { stringValue?: string } }[] }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-serve-slack-'));
  // A local OTLP/HTTP JSON collector: what serve exports at shutdown.
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      const doc = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: (typeof spans)[number][] }[] }[] };
      spans.push(...doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((x) => x.spans)));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
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
    CAUSEWAY_TELEMETRY_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`,
  });
}, 60_000);

afterAll(async () => {
  if (!stopped) expect(await serve?.stop()).toBe(0);
  await slack?.close();
  await new Promise((r) => collector?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('causeway serve with Slack: incidents from webhooks are triaged in the incident channel', () => {
  it('an Alertmanager webhook opens an incident whose message, progress and result go to the incident channel', async () => {
    const body = JSON.parse(readFileSync(join(BUNDLE, 'alert.json'), 'utf8'));
    firingStartsAt = new Date(Date.now() - 30_000).toISOString();
    body.alerts[0].startsAt = firingStartsAt;
    // Slack rate-limits the first post: it is waited out, retried, and counted in /metrics.
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
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
    expect(slack.callsOf('chat.postMessage').filter((c) => c.params.channel === INCIDENTS)).toHaveLength(2);
    const metrics = await (await fetch(`${serve.url}/metrics`)).text();
    expect(metrics).toMatch(/^causeway_slack_rate_limited_total\{method="chat\.postMessage"\} 1$/m);
  });

  it('the resolution edits the message; an edit Slack refuses is counted by method and error code', async () => {
    const body = JSON.parse(readFileSync(join(BUNDLE, 'alert.json'), 'utf8'));
    body.status = 'resolved';
    // As Alertmanager sends it: the same alert (same startsAt) with its end.
    for (const a of body.alerts) {
      a.status = 'resolved';
      a.startsAt = firingStartsAt;
      a.endsAt = new Date().toISOString();
    }
    slack.failNext('chat.update', { error: 'msg_too_long' });
    const r = await fetch(`${serve.url}/webhooks/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(202);
    const metrics = await waitFor(
      'the refused edit in /metrics',
      async () => {
        const m = await (await fetch(`${serve.url}/metrics`)).text();
        return /causeway_slack_api_errors_total\{method="chat\.update",error="msg_too_long"\} 1/.test(m)
          ? m
          : undefined;
      },
      20_000,
    );
    expect(metrics).toMatch(/^causeway_incidents_resolved_total 1$/m);
  });

  it('each Slack call is a span (by method, errors marked); shutdown exports them by OTLP', async () => {
    stopped = true;
    expect(await serve.stop()).toBe(0);
    const attr = (x: (typeof spans)[number], key: string) => x.attributes.find((a) => a.key === key)?.value.stringValue;
    const calls = spans.filter((x) => x.name === 'causeway.slack.call');
    const methods = calls.map((x) => attr(x, 'slack.method'));
    expect(methods).toContain('chat.postMessage');
    expect(methods).toContain('chat.update');
    expect(calls.filter((x) => attr(x, 'slack.error') === 'msg_too_long')).toHaveLength(1);
    expect(spans.map((x) => x.name)).toContain('causeway.triage');
  });
});
