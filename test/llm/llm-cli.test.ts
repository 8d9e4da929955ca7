import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.ts';
import { groundedModel } from '../support/fake-openai-scripts.ts';
import { writeMiniBundle } from '../support/mini-bundle.ts';
import { runCauseway } from '../support/run-causeway.ts';

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

let root: string;
let bundle: string;
let fake: FakeOpenAi;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'causeway-llm-cli-'));
  bundle = writeMiniBundle(join(root, 'mini'));
  fake = await startFakeOpenAi(groundedModel);
});
afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.script(groundedModel);
});

describe('the CLI with a local OpenAI-compatible server', () => {
  it('demo --llm-url prints the grounded narrative under the deterministic result, and what each call audits', async () => {
    const r = await runCauseway(['demo', '--bundle', bundle, '--llm-url', fake.url, '--llm-model', 'llama3.1:8b']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [result, narrative] = r.stdout.split('In plain words');
    expect(result).toMatch(/h1\. .* payment — deploy/);
    expect(narrative).toMatch(
      /• The most likely cause is a deploy in payment.* \[traces:origin-errors:payment, changes:deploy-payment-42\]/,
    );
    expect(narrative).toMatch(
      /audit llm\.called: narrate v1 sha256:[0-9a-f]{12}… model llama3\.1:8b \(jsonSchema\), ok, \d+\+\d+ tokens/,
    );
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body).toMatchObject({ model: 'llama3.1:8b', response_format: { type: 'json_schema' } });
  });

  it('without a model nothing changes: no narrative and no request, even with a base URL configured', async () => {
    const r = await runCauseway(['demo', '--bundle', bundle], { CAUSEWAY_LLM_BASE_URL: fake.url });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('In plain words');
    expect(fake.requests).toHaveLength(0);
  });

  it('a model that times out leaves the deterministic result as it is', async () => {
    fake.script([{ json: {}, delayMs: 8000 }]);
    const r = await runCauseway(['demo', '--bundle', bundle, '--llm-url', fake.url], {
      CAUSEWAY_LLM_NARRATE_TIMEOUT_SECONDS: '0.5',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/h1\. .* payment — deploy/);
    expect(r.stdout).toMatch(/What Causeway would post to Slack/);
    expect(r.stdout).toMatch(/\(no narrative: LLM_TIMEOUT: .*; the deterministic result above stands\)/);
  });

  it('ask answers a follow-up with read-only queries and citations', async () => {
    const r = await runCauseway(['ask', '--bundle', bundle, '--llm-url', fake.url, 'why not the database?']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Q: why not the database\?/);
    expect(r.stdout).toMatch(
      /• The evidence points at payment \(deploy\), not at the database\. \[traces:origin-errors:payment\]/,
    );
    expect(r.stdout).toMatch(/Q1: service overview of payment, .* \(ok\)/);
    expect(fake.requests).toHaveLength(2);
  });

  it('ask without a model says so (LLM_DISABLED) and makes no request', async () => {
    const r = await runCauseway(['ask', '--bundle', bundle, 'why?'], { CAUSEWAY_LLM_BASE_URL: fake.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'causeway ask: LLM_DISABLED: no model is configured: set llm.model in the configuration file or CAUSEWAY_LLM_MODEL (or pass --llm-url URL)\n',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('ask with an unreachable model names the URL it tried', async () => {
    const closed = await closedPort();
    const r = await runCauseway(['ask', '--bundle', bundle, '--llm-url', `http://127.0.0.1:${closed}/v1`, 'why?'], {
      CAUSEWAY_LLM_MAX_RETRIES: '0',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^causeway ask: LLM_UNAVAILABLE: cannot reach the model endpoint http://127\\.0\\.0\\.1:${closed}/v1: .*\\n$`,
      ),
    );
  });
});
