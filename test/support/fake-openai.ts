import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible chat-completions server on 127.0.0.1 for tests (no provider is
 * reachable from here). It speaks the real wire protocol as observed from openai 7 /
 * @langchain/openai 1 (shared/notes/platform.md §4): `POST /v1/chat/completions`, JSON or SSE
 * (`stream: true`, with `stream_options.include_usage`), tool calls, `json_schema` responses,
 * error bodies, 429 with `retry-after`, slow answers. Replies come from a script.
 */

export type FakeToolCall = { readonly id?: string; readonly name: string; readonly arguments: unknown };

export type FakeReply =
  | {
      readonly content?: string | null;
      /** Shorthand: `content` = JSON.stringify(json). */
      readonly json?: unknown;
      readonly toolCalls?: readonly FakeToolCall[];
      readonly usage?: { readonly prompt: number; readonly completion: number };
      /** Wait this long before answering (a slow model). */
      readonly delayMs?: number;
      readonly finishReason?: string;
    }
  | {
      readonly status: number;
      readonly error?: { readonly message: string; readonly type?: string; readonly code?: string | null };
      readonly headers?: Readonly<Record<string, string>>;
      readonly delayMs?: number;
    };

export type FakeRequest = {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  // biome-ignore lint/suspicious/noExplicitAny: a parsed JSON request body, inspected by tests
  readonly body: any;
};

export type FakeScript = (req: FakeRequest, index: number) => FakeReply | Promise<FakeReply>;

export type FakeOpenAi = {
  /** Base URL to configure (`http://127.0.0.1:<port>/v1`). */
  readonly url: string;
  readonly requests: FakeRequest[];
  /** Replace the script (a list is answered in order; a function is asked each time). */
  script(s: readonly FakeReply[] | FakeScript): void;
  close(): Promise<void>;
};

export type FakeOptions = {
  /** Answer `response_format: json_schema` with a 400 as servers without structured output do. */
  readonly supportsJsonSchema?: boolean;
  /** Split streamed text into chunks of this many characters. */
  readonly chunkChars?: number;
  /** Port to listen on (default: any free one). */
  readonly port?: number;
};

/** Starts the fake on an ephemeral port. */
export async function startFakeOpenAi(
  script: readonly FakeReply[] | FakeScript = [],
  options: FakeOptions = {},
): Promise<FakeOpenAi> {
  const requests: FakeRequest[] = [];
  let current = toFn(script);
  let served = 0;
  const sockets = new Set<import('node:net').Socket>();

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return send(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } });
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: { message: 'body is not JSON', type: 'invalid_request_error' } });
    }
    const request: FakeRequest = { path: req.url, headers: req.headers, body };
    requests.push(request);
    const b = body as { response_format?: { type?: string }; stream?: boolean; model?: string };
    if (options.supportsJsonSchema === false && b.response_format?.type === 'json_schema') {
      return send(res, 400, {
        error: {
          message: "response_format type 'json_schema' is not supported by this server",
          type: 'invalid_request_error',
          param: 'response_format',
          code: null,
        },
      });
    }
    let reply: FakeReply;
    try {
      reply = await current(request, served++);
    } catch (e) {
      return send(res, 500, {
        error: { message: `fake script failed: ${(e as Error).message}`, type: 'server_error' },
      });
    }
    if (reply.delayMs) {
      const gone = await sleepUnlessClosed(reply.delayMs, res);
      if (gone) return;
    }
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
      res.end(JSON.stringify({ error: reply.error ?? { message: `status ${reply.status}`, type: 'error' } }));
      return;
    }
    const model = b.model ?? 'fake-model';
    const content = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.content ?? null);
    const toolCalls = (reply.toolCalls ?? []).map((t, i) => ({
      id: t.id ?? `call_${served}_${i}`,
      type: 'function' as const,
      function: {
        name: t.name,
        arguments: typeof t.arguments === 'string' ? t.arguments : JSON.stringify(t.arguments),
      },
    }));
    const usage = reply.usage
      ? { prompt_tokens: reply.usage.prompt, completion_tokens: reply.usage.completion }
      : {
          prompt_tokens: Math.ceil(raw.length / 4),
          completion_tokens: Math.ceil(((content ?? '').length + JSON.stringify(toolCalls).length) / 4),
        };
    const fullUsage = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
    const finish = reply.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop');
    if (b.stream) return stream(res, model, content, toolCalls, finish, body, fullUsage, options.chunkChars ?? 7);
    send(res, 200, {
      id: `chatcmpl-${served}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: toolCalls.length && content === null ? null : content,
            refusal: null,
            ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          },
          logprobs: null,
          finish_reason: finish,
        },
      ],
      usage: fullUsage,
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script(s) {
      current = toFn(s);
      served = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function toFn(script: readonly FakeReply[] | FakeScript): FakeScript {
  if (typeof script === 'function') return script;
  return (_req, i) => {
    const r = script[i];
    if (!r) return { status: 500, error: { message: `fake script has no reply #${i + 1}`, type: 'server_error' } };
    return r;
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Waits, unless the client gives up first (then reports true and answers nothing). */
function sleepUnlessClosed(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      res.off('close', onClose);
      resolve(false);
    }, ms);
    const onClose = () => {
      clearTimeout(t);
      resolve(true);
    };
    res.on('close', onClose);
  });
}

function stream(
  res: ServerResponse,
  model: string,
  content: string | null,
  toolCalls: readonly { id: string; type: 'function'; function: { name: string; arguments: string } }[],
  finish: string,
  // biome-ignore lint/suspicious/noExplicitAny: the parsed request body
  body: any,
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number },
  chunkChars: number,
): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const base = { id: 'chatcmpl-stream', object: 'chat.completion.chunk', created: 1_700_000_000, model };
  const chunk = (delta: unknown, finishReason: string | null = null) =>
    res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`);
  chunk({ role: 'assistant', content: '' });
  if (content)
    for (let i = 0; i < content.length; i += chunkChars) chunk({ content: content.slice(i, i + chunkChars) });
  toolCalls.forEach((t, index) => {
    chunk({ tool_calls: [{ index, id: t.id, type: 'function', function: { name: t.function.name, arguments: '' } }] });
    const a = t.function.arguments;
    for (let i = 0; i < a.length; i += chunkChars * 4)
      chunk({ tool_calls: [{ index, function: { arguments: a.slice(i, i + chunkChars * 4) } }] });
  });
  chunk({}, finish);
  if (body?.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`);
  res.write('data: [DONE]\n\n');
  res.end();
}
