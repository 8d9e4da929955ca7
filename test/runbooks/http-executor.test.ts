import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpRunner } from '../../src/adapters/executors/create-http-runner.ts';
import { openStorage } from '../../src/adapters/storage/open-storage.ts';
import { advanceRun } from '../../src/app/runbooks/advance-run.ts';
import { decideApproval } from '../../src/app/runbooks/decide-approval.ts';
import { proposeRun } from '../../src/app/runbooks/propose-run.ts';
import { requestApproval } from '../../src/app/runbooks/request-approval.ts';
import { httpDefinition } from '../../src/core/runbooks/executors/http-definition.ts';
import { catalogOf, runbookDeps, testSettings } from './support/runbook-harness.ts';

const SECRET = 'tok-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
type Seen = { method: string; url: string; auth: string | undefined; body: string };

describe('http executor against a local server on 127.0.0.1', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body });
        if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
        if (req.url === '/redirect') {
          res.writeHead(302, { location: 'http://example.com/steal' });
          return void res.end();
        }
        if (req.url === '/big') return void res.end('y'.repeat(100_000));
        if (req.url?.startsWith('/echo-auth')) return void res.end(`you sent ${req.headers.authorization}`);
        if (req.url?.startsWith('/fail')) {
          res.writeHead(503);
          return void res.end('unavailable');
        }
        res.writeHead(req.method === 'POST' ? 202 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const run = createHttpRunner({
    allowHosts: ['127.0.0.1'],
    env: { TEST_DEPLOY_TOKEN: SECRET },
    secretEnv: ['TEST_DEPLOY_TOKEN'],
    maxOutputBytes: 1000,
  });
  const ctx = (timeoutMs = 5000) => ({ timeoutMs, signal: new AbortController().signal });
  const def = httpDefinition(testSettings());

  it('sends the rendered request with the secret header and checks the expected status', async () => {
    const r = def.render(
      {
        method: 'POST',
        url: `${base}/queues/{{ params.queue }}/purge?reason={{ params.reason }}`,
        headers: { Authorization: { env: 'TEST_DEPLOY_TOKEN', prefix: 'Bearer ' } },
        body: { queue: '{{ params.queue }}', note: 'by causeway' },
        expectStatus: [200, 202],
      },
      { queue: 'orders', reason: 'stuck & full' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.display).toContain(`Authorization: Bearer $${'{'}env:TEST_DEPLOY_TOKEN}`);
    expect(JSON.stringify(r.value.action)).not.toContain(SECRET);
    const out = await run(r.value.action, ctx());
    expect(out).toMatchObject({ status: 'succeeded', exitCode: 202 });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/queues/orders/purge?reason=stuck%20%26%20full',
      auth: `Bearer ${SECRET}`,
      body: '{"queue":"orders","note":"by causeway"}',
    });
    expect((await run({ method: 'GET', url: `${base}/fail`, headers: {}, expectStatus: '2xx' }, ctx())).summary).toBe(
      'HTTP 503, expected 2xx',
    );
  });

  it('parameters cannot change the host or climb the path; hosts outside the allowlist are refused at load and at run', async () => {
    const fill = (url: string, v: string) => def.render({ url }, { p: v });
    const enc = fill(`${base}/api/{{ params.p }}/x`, 'a/../../admin?x=1#f');
    expect(enc.ok && enc.value.action.url).toBe(`${base}/api/a%2F..%2F..%2Fadmin%3Fx%3D1%23f/x`);
    expect(fill(`${base}/api/{{ params.p }}/x`, '..').ok).toBe(false);
    expect(def.check({ url: 'http://{{ params.p }}/x' })[0]?.message).toMatch(/host must be written out/);
    expect(def.check({ url: 'https://evil.example/x' })[0]?.message).toBe(
      'host evil.example is not in runbooks.http.allowHosts (127.0.0.1)',
    );
    expect(def.check({ url: 'http://user:pw@127.0.0.1/x' })[0]?.message).toMatch(/no credentials/);
    expect(def.check({ url: 'file:///etc/passwd' })[0]?.message).toMatch(/absolute http/);
    expect(
      def.check({ url: `${base}/x`, headers: { Authorization: { env: 'CAUSEWAY_SLACK_BOT_TOKEN' } } })[0]?.message,
    ).toMatch(/not in runbooks.secretEnv/);
    const before = seen.length;
    expect(
      await run({ method: 'GET', url: 'http://localhost:1/x', headers: {}, expectStatus: '2xx' }, ctx()),
    ).toMatchObject({
      status: 'failed',
      summary: 'refused: host localhost:1 is not in runbooks.http.allowHosts',
    });
    expect(seen.length).toBe(before);
  });

  it('does not follow redirects, caps the body, times out', async () => {
    const redirect = await run({ method: 'GET', url: `${base}/redirect`, headers: {}, expectStatus: '2xx' }, ctx());
    expect(redirect).toMatchObject({ status: 'failed', exitCode: 302 });
    const big = await run({ method: 'GET', url: `${base}/big`, headers: {}, expectStatus: '2xx' }, ctx());
    expect(big.status).toBe('succeeded');
    expect(big.output.length).toBeLessThan(1200);
    expect(big.output).toContain('more bytes not kept');
    const slow = await run({ method: 'GET', url: `${base}/slow`, headers: {}, expectStatus: '2xx' }, ctx(300));
    expect(slow).toMatchObject({ status: 'failed', timedOut: true, summary: 'timed out after 0.3s' });
  });

  it('a response echoing the secret is stored redacted: the token never reaches the audit log or the chat excerpt', async () => {
    const opened = await openStorage('sqlite::memory:', { clock: Date.now });
    if (!opened.ok) throw new Error(opened.error.message);
    const storage = opened.value;
    const yaml = `
id: echo
title: Echo
params: {}
steps:
  - id: call
    name: call
    uses: http
    with:
      method: POST
      url: ${base}/echo-auth
      headers:
        Authorization: { env: TEST_DEPLOY_TOKEN, prefix: 'Bearer ' }
      body: {}
`;
    const deps = runbookDeps(storage, {
      catalog: catalogOf([yaml]),
      path: '/usr/bin',
      env: { TEST_DEPLOY_TOKEN: SECRET },
    });
    const p = await proposeRun(deps, { runbookId: 'echo', incidentId: 'INC-S', proposedBy: 'slack:U0ALICE' });
    if (!p.ok) throw new Error(p.error.message);
    await requestApproval(deps, { runId: p.value.run.id, requestedBy: 'slack:U0ALICE' });
    await decideApproval(deps, {
      runId: p.value.run.id,
      step: 0,
      user: 'U0OPS1',
      decision: 'approve',
      groupsOf: async () => [],
    });
    const adv = await advanceRun(deps, { runId: p.value.run.id, actor: 'slack:U0OPS1' });
    expect(adv.executed[0]?.status).toBe('succeeded');
    expect(adv.executed[0]?.excerpt).toContain('you sent Bearer [REDACTED]');
    const everything = JSON.stringify(await storage.audit.query({}));
    expect(everything).not.toContain(SECRET);
    expect(everything).toContain('[REDACTED]');
    await storage.close();
  });
});
