import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatConfigProblems } from '../../../src/adapters/config/format-config-problems.ts';
import { loadConfig } from '../../../src/adapters/config/load-config.ts';
import { buildRuntime } from '../../../src/runtime/build-runtime.ts';
import { buildServeCommand } from '../../../src/runtime/commands/serve.ts';
import { CASES, WEBHOOK_ENV } from '../../serve/support/payloads.ts';
import { waitFor } from '../../serve/support/wait-for.ts';

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Runs the real `causeway serve` in this process, its spans going to an in-memory exporter. */
async function serveInProcess(dir: string) {
  const config = loadConfig({
    env: { ...WEBHOOK_ENV, CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'spans.sqlite')}`, CAUSEWAY_LOG_LEVEL: 'info' },
  });
  if (!config.ok) throw new Error(formatConfigProblems(config.error));
  const exporter = new InMemorySpanExporter();
  let logs = '';
  let stop: (() => void) | undefined;
  const runtime = buildRuntime(config.value, {
    cwd: dir,
    environment: {},
    now: Date.now,
    monotonic: () => performance.now(),
    instanceId: 'spans-test',
    promptsDir: dir,
    logDestination: {
      write: (m: string) => {
        logs += m;
      },
    },
  });
  const cmd = buildServeCommand(runtime, {
    onShutdown: (s) => {
      stop = s;
    },
    spanExporter: exporter,
  });
  const io = {
    stdout: () => {},
    stderr: (s: string) => {
      logs += s;
    },
    env: {},
    cwd: dir,
  };
  const exited = cmd.run(['--port', '0', '--host', '127.0.0.1'], io);
  const url = await waitFor('serve listening', async () => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(logs)?.[1]);
  return {
    url,
    exporter,
    async stop() {
      stop?.();
      return exited;
    },
  };
}

describe('the HTTP server spans of causeway serve', () => {
  let dir: string;
  let serve: Awaited<ReturnType<typeof serveInProcess>>;
  let spans: ReadableSpan[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'causeway-spans-'));
    serve = await serveInProcess(dir);
    const am = CASES.find((c) => c.name === 'alertmanager');
    if (!am) throw new Error('no alertmanager case');
    const body = JSON.stringify(am.body(Date.now(), 1));
    const answers = [
      await fetch(`${serve.url}/healthz`),
      await fetch(`${serve.url}/no/such/path?token=hunter2`),
      await fetch(`${serve.url}/metrics`, { method: 'DELETE' }),
      await fetch(`${serve.url}${am.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...am.auth(body, Math.floor(Date.now() / 1000)) },
        body,
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 405, 202]);
    spans = await waitFor('four server spans', async () => {
      const s = serve.exporter.getFinishedSpans().filter((x) => x.kind === SpanKind.SERVER);
      return s.length >= 4 ? serve.exporter.getFinishedSpans() : undefined;
    });
  });
  afterAll(async () => {
    expect(await serve.stop()).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  const server = (path: string) => spans.find((s) => s.kind === SpanKind.SERVER && s.attributes['url.path'] === path);

  it('are SERVER spans named "METHOD route" with the HTTP semantic-convention attributes', () => {
    expect(server('/healthz')).toMatchObject({
      name: 'GET /healthz',
      attributes: {
        'http.request.method': 'GET',
        'url.path': '/healthz',
        'url.scheme': 'http',
        'http.route': '/healthz',
        'http.response.status_code': 200,
      },
    });
    expect(server('/metrics')).toMatchObject({
      name: 'DELETE /metrics',
      attributes: { 'http.request.method': 'DELETE', 'http.route': '/metrics', 'http.response.status_code': 405 },
    });
  });

  it('use the bounded route template of /metrics, never the source name; unknown paths get no route', () => {
    const webhook = server('/webhooks/alerts/alertmanager');
    expect(webhook?.name).toBe('POST /webhooks/alerts/:source');
    expect(webhook?.attributes['http.route']).toBe('/webhooks/alerts/:source');
    expect(webhook?.attributes['http.response.status_code']).toBe(202);
    const unknown = server('/no/such/path');
    expect(unknown?.name).toBe('GET');
    expect(unknown?.attributes).not.toHaveProperty('http.route');
    expect(unknown?.attributes['http.response.status_code']).toBe(404);
    expect(unknown?.status.code).toBe(SpanStatusCode.UNSET);
    // The query string (which may carry a secret) is never recorded.
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('hunter2');
  });

  it('parent the work done for the request (the causeway.webhook span)', () => {
    const webhook = server('/webhooks/alerts/alertmanager');
    const child = spans.find((s) => s.name === 'causeway.webhook');
    expect(child?.parentSpanContext?.spanId).toBe(webhook?.spanContext().spanId);
    expect(child?.spanContext().traceId).toBe(webhook?.spanContext().traceId);
  });

  it('carry a resource with service.name, service.version (package.json) and a random service.instance.id', () => {
    const attrs = server('/healthz')?.resource.attributes ?? {};
    expect(attrs['service.name']).toBe('causeway');
    expect(attrs['service.version']).toBe(version);
    expect(String(attrs['service.instance.id'])).toMatch(UUID);
    expect(new Set(spans.map((s) => s.resource.attributes['service.instance.id'])).size).toBe(1);
  });
});
