import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenAiLlmClient } from '../../src/adapters/llm/create-openai-llm-client.ts';
import type { ChatMessage } from '../../src/core/llm/chat-message.ts';
import { FOLLOW_UP_TOOLS } from '../../src/core/llm/follow-up-tool-specs.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.ts';
import { clientSettings } from './support/llm-kit.ts';

const schema = z
  .object({ sentences: z.array(z.object({ text: z.string(), cite: z.array(z.string()) }).strict()) })
  .strict();
const good = { sentences: [{ text: 'ok', cite: ['E1'] }] };
const messages: ChatMessage[] = [
  { role: 'system', content: 'sys' },
  { role: 'user', content: 'user' },
];
const ask = (client: ReturnType<typeof createOpenAiLlmClient>, signal = AbortSignal.timeout(10_000)) =>
  client.structured({ messages, schema, name: 'narrative', description: 'd', signal });

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
const reset = (script: Parameters<FakeOpenAi['script']>[0]) => {
  fake.requests.length = 0;
  fake.script(script);
};

describe('the OpenAI-compatible client (LangChain ChatOpenAI against a local chat-completions server)', () => {
  it('asks for a strict json_schema response and parses it; counts tokens from usage', async () => {
    reset([{ json: good, usage: { prompt: 120, completion: 30 } }]);
    const r = await ask(createOpenAiLlmClient(clientSettings(fake.url)));
    expect(r).toMatchObject({
      ok: true,
      value: good,
      meta: { inputTokens: 120, outputTokens: 30, method: 'jsonSchema', attempts: 1 },
    });
    const body = fake.requests[0]?.body;
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-test-key-0123456789abcdefghij');
    expect(body).toMatchObject({
      model: 'test-model',
      temperature: 0,
      stream: false,
      messages: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'user' },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'narrative', strict: true } },
    });
    expect(body.response_format.json_schema.schema).toMatchObject({
      type: 'object',
      required: ['sentences'],
      additionalProperties: false,
    });
    expect(body.tools).toBeUndefined();
  });

  it('falls back to a forced function call when the server refuses json_schema, and stays on it', async () => {
    const noSchema = await startFakeOpenAi(
      [
        { toolCalls: [{ name: 'narrative', arguments: good }] },
        { toolCalls: [{ name: 'narrative', arguments: good }] },
      ],
      { supportsJsonSchema: false },
    );
    try {
      const client = createOpenAiLlmClient(clientSettings(noSchema.url));
      const a = await ask(client);
      expect(a).toMatchObject({ ok: true, value: good, meta: { method: 'functionCalling', attempts: 2 } });
      const b = await ask(client);
      expect(b).toMatchObject({ ok: true, meta: { method: 'functionCalling', attempts: 1 } });
      expect(noSchema.requests.map((q) => q.body.response_format?.type ?? 'tools')).toEqual([
        'json_schema',
        'tools',
        'tools',
      ]);
      expect(noSchema.requests[1]?.body).toMatchObject({
        tools: [{ type: 'function', function: { name: 'narrative' } }],
        tool_choice: { type: 'function', function: { name: 'narrative' } },
      });
    } finally {
      await noSchema.close();
    }
  });

  it('falls back when the server ignores response_format and answers prose; with functionCalling configured it never asks for json_schema', async () => {
    reset([{ content: 'Sure! Here is a narrative.' }, { toolCalls: [{ name: 'narrative', arguments: good }] }]);
    const r = await ask(createOpenAiLlmClient(clientSettings(fake.url)));
    expect(r).toMatchObject({ ok: true, meta: { method: 'functionCalling' } });
    reset([{ toolCalls: [{ name: 'narrative', arguments: good }] }]);
    await ask(createOpenAiLlmClient(clientSettings(fake.url, { structuredOutput: 'functionCalling' })));
    expect(fake.requests.map((q) => q.body.response_format)).toEqual([undefined]);
  });

  it('a reply that does not match the schema is LLM_OUTPUT_INVALID (tokens still counted)', async () => {
    reset([{ json: { sentences: [{ text: 1 }] }, usage: { prompt: 10, completion: 5 } }]);
    const r = await ask(createOpenAiLlmClient(clientSettings(fake.url, { structuredOutput: 'jsonSchema' })));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'LLM_OUTPUT_INVALID' },
      meta: { inputTokens: 10, outputTokens: 5 },
    });
  });

  it('streams over SSE when configured: text and tool calls arrive in chunks, usage from the last chunk', async () => {
    reset([
      { json: good, usage: { prompt: 77, completion: 11 } },
      { toolCalls: [{ name: 'log_patterns', arguments: { service: 'payment', minutes: 10 } }] },
    ]);
    const client = createOpenAiLlmClient(clientSettings(fake.url, { streaming: true }));
    const r = await ask(client);
    expect(r).toMatchObject({ ok: true, value: good, meta: { inputTokens: 77, outputTokens: 11 } });
    expect(fake.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const t = await client.withTools({
      messages,
      tools: FOLLOW_UP_TOOLS,
      toolChoice: 'auto',
      signal: AbortSignal.timeout(5000),
    });
    expect(t).toMatchObject({
      ok: true,
      value: { toolCalls: [{ name: 'log_patterns', args: { service: 'payment', minutes: 10 } }] },
    });
  });

  it('retries 429 after retry-after and 5xx, within maxRetries; then reports LLM_RATE_LIMITED', async () => {
    reset([
      { status: 429, headers: { 'retry-after': '0' }, error: { message: 'slow down', type: 'rate_limit' } },
      { status: 503, error: { message: 'overloaded', type: 'server_error' } },
      { json: good },
    ]);
    const started = Date.now();
    const ok = await ask(createOpenAiLlmClient(clientSettings(fake.url, { maxRetries: 2 })));
    expect(ok).toMatchObject({ ok: true, meta: { attempts: 3 } });
    expect(Date.now() - started).toBeLessThan(3000);
    reset([
      { status: 429, headers: { 'retry-after-ms': '10' }, error: { message: 'slow down', type: 'rate_limit' } },
      { status: 429, headers: { 'retry-after-ms': '10' } },
    ]);
    const limited = await ask(createOpenAiLlmClient(clientSettings(fake.url, { maxRetries: 1 })));
    expect(limited).toMatchObject({ ok: false, error: { code: 'LLM_RATE_LIMITED' }, meta: { attempts: 2 } });
    expect(fake.requests).toHaveLength(2);
  });

  it('a slow model is LLM_TIMEOUT at the per-request timeout (not retried); the caller’s deadline also stops it', async () => {
    reset([{ json: good, delayMs: 3000 }]);
    const t0 = Date.now();
    const r = await ask(createOpenAiLlmClient(clientSettings(fake.url, { timeoutMs: 300, maxRetries: 3 })));
    expect(r).toMatchObject({ ok: false, error: { code: 'LLM_TIMEOUT' }, meta: { attempts: 1 } });
    expect(Date.now() - t0).toBeLessThan(2000);
    reset([{ json: good, delayMs: 3000 }]);
    const r2 = await ask(createOpenAiLlmClient(clientSettings(fake.url)), AbortSignal.timeout(200));
    expect(r2).toMatchObject({ ok: false, error: { code: 'LLM_TIMEOUT' } });
  });

  it('an unreachable endpoint or a refused request is LLM_UNAVAILABLE with the status', async () => {
    const r = await ask(createOpenAiLlmClient(clientSettings('http://127.0.0.1:9/v1')));
    expect(r).toMatchObject({ ok: false, error: { code: 'LLM_UNAVAILABLE' } });
    reset([{ status: 401, error: { message: 'bad key', type: 'auth' } }]);
    const r2 = await ask(createOpenAiLlmClient(clientSettings(fake.url, { maxRetries: 3 })));
    expect(r2).toMatchObject({ ok: false, error: { code: 'LLM_UNAVAILABLE', message: expect.stringMatching(/401/) } });
    expect(fake.requests).toHaveLength(1);
  });

  it('offers tools in the OpenAI format and returns the calls, also when arguments are not JSON', async () => {
    reset([
      {
        toolCalls: [
          { name: 'recent_changes', arguments: { minutes: 60 } },
          { name: 'log_patterns', arguments: '{not json' },
        ],
      },
    ]);
    const client = createOpenAiLlmClient(clientSettings(fake.url));
    const r = await client.withTools({
      messages,
      tools: FOLLOW_UP_TOOLS,
      toolChoice: { name: 'recent_changes' },
      signal: AbortSignal.timeout(5000),
    });
    expect(fake.requests[0]?.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual([
      'service_overview',
      'log_patterns',
      'recent_changes',
    ]);
    expect(fake.requests[0]?.body.tool_choice).toEqual({ type: 'function', function: { name: 'recent_changes' } });
    expect(r.ok && r.value.toolCalls.map((c) => [c.name, c.args])).toEqual([
      ['recent_changes', { minutes: 60 }],
      ['log_patterns', undefined],
    ]);
  });

  it('contacts nothing but the configured endpoint (no tokenizer download, no tracing), streaming or not', async () => {
    const seen: string[] = [];
    const real = globalThis.fetch;
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      seen.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return real(input, init);
    }) as typeof fetch;
    try {
      for (const streaming of [false, true]) {
        reset([{ json: good }, { toolCalls: [{ name: 'recent_changes', arguments: {} }] }]);
        const client = createOpenAiLlmClient(clientSettings(fake.url, { streaming }));
        expect((await ask(client)).ok).toBe(true);
        const t = await client.withTools({
          messages,
          tools: FOLLOW_UP_TOOLS,
          toolChoice: 'auto',
          signal: AbortSignal.timeout(5000),
        });
        expect(t.ok).toBe(true);
      }
    } finally {
      globalThis.fetch = real;
    }
    expect(seen.length).toBe(4);
    for (const u of seen) expect(u).toBe(`${fake.url}/chat/completions`);
  });
});
