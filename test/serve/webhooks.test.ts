import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type SourceCase, WEBHOOK_ENV } from './support/payloads.ts';
import { type ServeProcess, startServe } from './support/start-serve.ts';

const EXAMPLE = new URL('../../examples/webshop-deploy', import.meta.url).pathname;
const LIMIT = 64 * 1024;

let serve: ServeProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'causeway-webhooks-'));
  serve = await startServe({
    ...WEBHOOK_ENV,
    CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    CAUSEWAY_SOURCES_BUNDLE_DIR: EXAMPLE,
    CAUSEWAY_SERVER_BODY_LIMIT_BYTES: String(LIMIT),
    CAUSEWAY_METRICS_TOKEN: 'metrics-token-0123456789',
  });
});

afterAll(async () => {
  expect(await serve?.stop()).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

type Answer = {
  status: number;
  json: { error?: { code: string; field: string; message: string } } & Record<string, unknown>;
};

async function post(c: SourceCase, body: string, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${serve.url}${c.path}`, { method: 'POST', headers, body });
  return { status: res.status, json: (await res.json()) as Answer['json'] };
}

const nowSec = () => Math.floor(Date.now() / 1000);
const signed = (c: SourceCase, body: string, sec = nowSec()): Record<string, string> => ({
  'content-type': 'application/json',
  ...c.auth(body, sec),
  ...(c.extraHeaders ?? {}),
});

describe.each(CASES)('webhook source $name', (c) => {
  it('valid: 202, stored', async () => {
    const body = JSON.stringify(c.body(Date.now(), 1));
    const r = await post(c, body, signed(c, body));
    expect(r.status, JSON.stringify(r.json)).toBe(202);
    expect(r.json.accepted).toBe(1);
  });

  it('unsigned or without a token: 401 naming the header', async () => {
    const body = JSON.stringify(c.body(Date.now(), 2));
    const r = await post(c, body, { 'content-type': 'application/json', ...(c.extraHeaders ?? {}) });
    expect(r.status).toBe(401);
    expect(r.json.error).toMatchObject({ code: 'WEBHOOK_UNAUTHORIZED', field: c.authField });
    expect(r.json.error?.message).toContain(c.authField);
  });

  it('tampered (body changed after signing, or a wrong token): 401', async () => {
    const body = JSON.stringify(c.body(Date.now(), 3));
    const headers = signed(c, body);
    if (headers.authorization) headers.authorization = 'Bearer not-the-token-0123456789';
    const r = await post(c, headers.authorization ? body : body.replace('"', '"x_tampered":1,"'), headers);
    expect(r.status).toBe(401);
    expect(r.json.error).toMatchObject({ code: 'WEBHOOK_UNAUTHORIZED', field: c.authField });
  });

  it('replayed: refused by its timestamp, or accepted without a second incident or event', async () => {
    if (c.replay.kind === 'timestamp') {
      const old = Date.now() - 10 * 60_000;
      const body = JSON.stringify(c.body(old, 4));
      const r = await post(c, body, signed(c, body, Math.floor(old / 1000)));
      expect(r.status).toBe(401);
      expect(r.json.error).toMatchObject({ code: 'WEBHOOK_REPLAYED', field: c.replay.field });
      expect(r.json.error?.message).toMatch(/old/);
    } else {
      const body = JSON.stringify(c.body(Date.now(), 5));
      const headers = signed(c, body);
      const first = await post(c, body, headers);
      const again = await post(c, body, headers);
      expect(first.status).toBe(202);
      expect(again.status).toBe(202);
      if (Array.isArray(first.json.opened)) {
        expect(first.json.opened).toHaveLength(1);
        expect(again.json.opened).toEqual([]);
        expect(again.json.joined).toEqual(first.json.opened);
      } else expect(again.json.ids).toEqual(first.json.ids);
    }
  });

  it('oversized: 413', async () => {
    const body = JSON.stringify({ ...(c.body(Date.now(), 6) as object), padding: 'x'.repeat(LIMIT) });
    const r = await post(c, body, signed(c, body));
    expect(r.status).toBe(413);
    expect(r.json.error).toMatchObject({ code: 'WEBHOOK_TOO_LARGE' });
  });

  it('malformed JSON (correctly signed): 400', async () => {
    const body = '{"alerts": [';
    const r = await post(c, body, signed(c, body));
    expect(r.status).toBe(400);
    expect(r.json.error?.code).toBe('WEBHOOK_MALFORMED');
    expect(r.json.error?.message).toMatch(/not valid JSON/);
  });

  it('wrong content type: 415', async () => {
    const body = JSON.stringify(c.body(Date.now(), 7));
    const r = await post(c, body, { ...signed(c, body), 'content-type': 'text/plain' });
    expect(r.status).toBe(415);
    expect(r.json.error).toMatchObject({ code: 'WEBHOOK_CONTENT_TYPE', field: 'content-type' });
  });

  it('unknown shape: 422 naming the wrong field', async () => {
    const body = JSON.stringify(c.badShape.body(Date.now()));
    const r = await post(c, body, signed(c, body));
    expect(r.status, JSON.stringify(r.json)).toBe(422);
    expect(r.json.error).toMatchObject({ code: 'WEBHOOK_PAYLOAD_INVALID', field: c.badShape.field });
    expect(r.json.error?.message).toContain(c.badShape.field);
  });
});

/** The body with the value at a JSON path like `alerts[0].startsAt` replaced. */
function withValueAt(body: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1) as string] = value;
  return copy;
}

describe.each(CASES)('webhook source $name: times', (c) => {
  it.each([
    // Sources that take epoch times say it is out of range; the others that a number is not RFC 3339.
    [1e300, /outside the years 1970–9999|1e\+300 is not RFC 3339/],
    ['1e300', /is not RFC 3339/],
    ['1969-12-31T23:59:59Z', /outside the years 1970–9999/],
    ['2026-02-30T10:00:00Z', /not a date: February 2026 has 28 days/],
    ['2026-11-24T24:00:00Z', /not a time of day/],
  ])('%s: 422 naming the field, nothing kept (the retry is refused the same way)', async (value, reason) => {
    const body = JSON.stringify(withValueAt(c.body(Date.now(), 90), c.timeField, value));
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await post(c, body, signed(c, body));
      expect(r.status, JSON.stringify(r.json)).toBe(422);
      expect(r.json.error).toMatchObject({ code: 'WEBHOOK_PAYLOAD_INVALID', field: c.timeField });
      expect(r.json.error?.message).toContain(c.timeField);
      expect(r.json.error?.message).toMatch(reason);
    }
  });
});

describe('the other endpoints', () => {
  it('healthz, readyz, metrics (with its token), unknown routes and methods', async () => {
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${serve.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: [
        { name: 'storage', ok: true },
        { name: 'sources', ok: true },
        { name: 'alert-intake', ok: true },
      ],
    });
    expect((await fetch(`${serve.url}/metrics`)).status).toBe(401);
    const m = await fetch(`${serve.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-0123456789' } });
    const text = await m.text();
    expect(text).toMatch(/causeway_alerts_received_total\{source="alertmanager",outcome="accepted"\} \d+/);
    expect(text).toMatch(/causeway_alerts_received_total\{source="grafana",outcome="rejected"\} \d+/);
    expect(text).toContain('causeway_triage_duration_seconds_bucket');
    expect(text).toContain('causeway_incidents_opened_total');
    const unknown = await fetch(`${serve.url}/webhooks/alerts/nagios`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Answer['json']).error?.code).toBe('WEBHOOK_SOURCE_DISABLED');
    const get = await fetch(`${serve.url}/webhooks/alerts/alertmanager`);
    expect(get.status).toBe(405);
    expect((await fetch(`${serve.url}/nope`)).status).toBe(404);
  });

  it('logs are JSON lines without the secrets', () => {
    const out = serve.output();
    expect(out).toContain('"code":"WEBHOOK_UNAUTHORIZED"');
    for (const v of Object.values(WEBHOOK_ENV)) expect(out).not.toContain(v);
  });
});
