import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadConfig } from '../../src/adapters/config/load-config.ts';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { prometheusFingerprint } from '../../src/core/chat/alerts/prometheus-fingerprint.ts';
import { configSchema } from '../../src/core/config/config-schema.ts';
import { configSecrets } from '../../src/core/ingest/config-secrets.ts';
import { alertmanagerLabelledMessage } from '../slack/alert-messages.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { eventCallbackBody, sendSigned } from '../support/fake-slack-client.ts';
import { type ServeProcess, startServe } from './support/start-serve.ts';
import { waitFor } from './support/wait-for.ts';

/** A distinct secret value per key: long, and shaped like no known token (only the list can catch it). */
const secretFor = (key: string) =>
  `s${prometheusFingerprint({ key })}${prometheusFingerprint({ key, n: '2' })}`.slice(0, 33);

/** Every configuration key, from the schema itself (so a key added later is enumerated too). */
function configKeys(schema: z.ZodType, path: string[] = []): string[] {
  let s = schema as unknown as { shape?: Record<string, z.ZodType>; unwrap?: () => z.ZodType };
  while (!s.shape && typeof s.unwrap === 'function') s = s.unwrap() as typeof s;
  if (s.shape) return Object.entries(s.shape).flatMap(([k, v]) => configKeys(v, [...path, k]));
  return [path.join('.')];
}

/** The keys that hold a secret: tokens, keys, secrets, header values, and URLs (their password). */
const SECRET_KEY = /(?:token|secret|apikey|key|headers|url|endpoint)$|^runbooks\.secretEnv$/i;

/** How this test sets each secret-bearing key: its config file value and the secret inside it. */
function secretSetting(key: string): { readonly value: unknown; readonly secret: string } {
  const v = secretFor(key);
  if (key === 'slack.botToken') return { value: `xoxb-${v}`, secret: `xoxb-${v}` };
  if (key === 'slack.appToken') return { value: `xapp-${v}`, secret: `xapp-${v}` };
  if (key === 'telemetry.otlpHeaders') return { value: { authorization: v }, secret: v };
  if (key === 'runbooks.secretEnv') return { value: ['DEPLOY_TOKEN_FOR_TEST'], secret: v };
  if (key === 'storage.url') return { value: `postgres://causeway:${v}@127.0.0.1:1/causeway`, secret: v };
  if (key === 'telemetry.otlpEndpoint') return { value: `http://otel:${v}@127.0.0.1:1/v1/traces`, secret: v };
  if (/url$/i.test(key))
    return { value: `http://user:${v}@127.0.0.1:1/${key.endsWith('apiUrl') ? 'api/' : ''}`, secret: v };
  return { value: v, secret: v };
}

const nest = (entries: readonly (readonly [string, unknown])[]) => {
  const root: Record<string, unknown> = {};
  for (const [path, value] of entries) {
    const parts = path.split('.');
    let o = root;
    for (const p of parts.slice(0, -1)) {
      if (o[p] === undefined) o[p] = {};
      o = o[p] as Record<string, unknown>;
    }
    o[parts.at(-1) as string] = value;
  }
  return root;
};

describe('one secret list: configSecrets knows every secret-bearing configuration key', () => {
  it('each secret-bearing key of the schema, set, is in the list (URL passwords and runbook secret env too)', () => {
    const keys = configKeys(configSchema).filter((k) => SECRET_KEY.test(k));
    // What the schema holds today (a new secret key shows up here and must be handled).
    expect(keys.length).toBeGreaterThanOrEqual(26);
    const settings = keys.map((k) => [k, secretSetting(k)] as const);
    const config = loadConfig({
      env: {},
      file: { path: 'causeway.yaml', text: JSON.stringify(nest(settings.map(([k, s]) => [k, s.value]))) },
    });
    if (!config.ok) throw new Error(JSON.stringify(config.error));
    const list = configSecrets(config.value, { DEPLOY_TOKEN_FOR_TEST: secretFor('runbooks.secretEnv') });
    const missing = settings.filter(([, s]) => !list.includes(s.secret)).map(([k]) => k);
    expect(missing).toEqual([]);
  });
});

describe('a configured secret never reaches Slack, the logs or the audit trail, by either alert path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-secrets-'));
  const BUNDLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
  const ALERTS = 'C0ALERTS7';
  const INCIDENTS = 'C0INCIDT7';
  // Every secret a running `causeway serve` with Slack can be configured with.
  const webhookToken = secretFor('webhooks.alertmanager.token');
  const signing = secretFor('slack.signingSecret');
  const bot = `xoxb-${secretFor('slack.botToken')}`;
  const secrets: Record<string, string> = {};
  let slack: FakeSlack;
  let serve: ServeProcess;
  let slackUrl: string;

  beforeAll(async () => {
    slack = await startFakeSlack({ botToken: bot });
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const a = s.address();
        s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
      });
    });
    slackUrl = `http://127.0.0.1:${port}`;
    const file: [string, unknown][] = [];
    for (const key of configKeys(configSchema).filter((k) => SECRET_KEY.test(k))) {
      // Where this test's serve must reach real services, the URL stays usable and its secret is
      // covered by the enumeration above.
      if (['storage.url', 'slack.apiUrl', 'telemetry.otlpEndpoint', 'telemetry.otlpHeaders'].includes(key)) continue;
      const s = secretSetting(key);
      file.push([key, s.value]);
      secrets[key] = s.secret;
    }
    file.push(['webhooks.alertmanager.token', webhookToken], ['slack.signingSecret', signing], ['slack.botToken', bot]);
    Object.assign(secrets, {
      'webhooks.alertmanager.token': webhookToken,
      'slack.signingSecret': signing,
      'slack.botToken': bot,
    });
    const config = join(dir, 'causeway.yaml');
    writeFileSync(config, JSON.stringify(nest(file)));
    serve = await startServe({
      CAUSEWAY_CONFIG: config,
      CAUSEWAY_LOG_LEVEL: 'debug',
      DEPLOY_TOKEN_FOR_TEST: secrets['runbooks.secretEnv'] as string,
      CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      CAUSEWAY_SOURCES_BUNDLE_DIR: BUNDLE,
      CAUSEWAY_SLACK_MODE: 'http',
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
    if (serve?.child.exitCode === null) await serve.stop();
    await slack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an alert carrying every configured secret, by webhook and in a watched channel, is shown, logged and audited without them', async () => {
    const values = Object.values(secrets);
    expect(values.length).toBeGreaterThanOrEqual(23);
    // A careless alert template that dumps secrets into the alert (name, labels, annotations).
    const body = JSON.parse(readFileSync(join(BUNDLE, 'alert.json'), 'utf8'));
    const leak = (environment: string) => {
      for (const a of body.alerts) {
        a.labels = { ...a.labels, environment, alertname: `HighErrorLogRate ${values.join(' ')}` };
        values.forEach((v, i) => {
          a.labels[`leak${i}`] = v;
        });
        a.annotations = { summary: `errors; config: ${values.join(' ')}`, description: values.join(',') };
        a.startsAt = new Date(Date.now() - 30_000).toISOString();
        a.fingerprint = prometheusFingerprint(a.labels);
      }
      body.commonLabels = { ...body.alerts[0].labels };
      body.groupLabels = { alertname: body.alerts[0].labels.alertname };
      return body;
    };
    const r = await fetch(`${serve.url}/webhooks/alerts/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${webhookToken}` },
      body: JSON.stringify(leak('production')),
    });
    expect(r.status).toBe(202);
    const ts = (Date.now() / 1000).toFixed(6);
    const posted = await sendSigned(
      `${slackUrl}/slack/events`,
      eventCallbackBody(alertmanagerLabelledMessage(leak('staging'), ts, ALERTS), 'Ev0LEAK1'),
      'application/json',
      { secret: signing },
    );
    expect(posted.status).toBe(200);
    // Both incidents triaged and shown: one in the incident channel, one in the alert's thread.
    await waitFor(
      'both incident messages',
      async () => {
        const shown = slack.messages.filter((m) => JSON.stringify(m.blocks).includes('INC-'));
        return shown.some((m) => m.channel === INCIDENTS) && shown.some((m) => m.thread_ts === ts) ? true : undefined;
      },
      30_000,
    );
    await new Promise((res) => setTimeout(res, 2000));
    expect(await serve.stop()).toBe(0);

    const opened = await openStorage(`sqlite:${join(dir, 'db.sqlite')}`, { clock: Date.now });
    if (!opened.ok) throw new Error(opened.error.message);
    const trail = JSON.stringify(await opened.value.audit.query({}));
    await opened.value.close();
    expect(trail).toContain('incident.opened');
    const chat = JSON.stringify([slack.calls.map((c) => c.params), slack.messages, slack.ephemerals]);
    const logs = serve.output();
    const found = (where: string) =>
      Object.entries(secrets)
        .filter(([, v]) => where.includes(v))
        .map(([k]) => k);
    expect({ slack: found(chat), logs: found(logs), audit: found(trail) }).toEqual({ slack: [], logs: [], audit: [] });
  });
});
