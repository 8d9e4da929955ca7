import type { AIMessage, AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import type { Runnable } from '@langchain/core/runnables';
import { toJsonSchema } from '@langchain/core/utils/json_schema';
import { ChatOpenAI } from '@langchain/openai';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { ToolCall } from '../../core/llm/chat-message.ts';
import { estimateTokens } from '../../core/llm/estimate-tokens.ts';
import type { LlmCallMeta, LlmClient, LlmOutcome, ToolSpec } from '../../core/llm/llm-client.ts';
import type { ClassifiedError } from './classified-error.ts';
import { classifyLlmError } from './classify-llm-error.ts';
import { endpointLabel } from './endpoint-label.ts';
import { messageText } from './message-text.ts';
import type { OpenAiClientSettings } from './openai-client-settings.ts';
import { parseJsonReply } from './parse-json-reply.ts';
import { toLangchainMessages } from './to-langchain-messages.ts';

type Tally = { attempts: number; inputTokens: number; outputTokens: number; readonly started: number };
type Sent = { ok: true; msg: AIMessage } | { ok: false; c: ClassifiedError; notJson?: boolean };

const MAX_WAIT_MS = 30_000;

/**
 * The model port over LangChain's ChatOpenAI, for any OpenAI-compatible chat-completions
 * endpoint. Structured output asks for a strict `json_schema` response format (LangChain's
 * `jsonSchema` method), and falls back for good to a forced function call (its
 * `functionCalling` method) when the server refuses or ignores `json_schema`. Retries (429, 5xx,
 * connection failures) are ours: they honour `retry-after` and stop at the caller's deadline.
 * LangChain's own retries are off, and with streaming the reply is read with `.stream()`, so no
 * request but the model's ever leaves the process (no tokenizer download).
 */
export function createOpenAiLlmClient(
  s: OpenAiClientSettings,
  opts: { readonly clock?: () => number } = {},
): LlmClient {
  const clock = opts.clock ?? (() => performance.now());
  const chat = new ChatOpenAI({
    model: s.model,
    apiKey: s.apiKey ?? 'not-needed',
    temperature: s.temperature,
    maxRetries: 0,
    timeout: s.timeoutMs,
    maxTokens: s.maxOutputTokens,
    streamUsage: true,
    configuration: s.baseUrl ? { baseURL: s.baseUrl } : {},
  });
  let method: 'jsonSchema' | 'functionCalling' =
    s.structuredOutput === 'functionCalling' ? 'functionCalling' : 'jsonSchema';

  const send = async (
    runnable: Runnable<BaseMessage[], AIMessage | AIMessageChunk>,
    messages: BaseMessage[],
    signal: AbortSignal,
    t: Tally,
  ): Promise<Sent> => {
    for (let attempt = 0; ; attempt++) {
      t.attempts++;
      const perRequest = AbortSignal.timeout(s.timeoutMs);
      const both = AbortSignal.any([signal, perRequest]);
      try {
        const msg: AIMessage = s.streaming
          ? await collect(runnable, messages, both)
          : ((await runnable.invoke(messages, { signal: both })) as AIMessage);
        const usage = (msg as unknown as { usage_metadata?: { input_tokens?: number; output_tokens?: number } })
          .usage_metadata;
        t.inputTokens += usage?.input_tokens ?? 0;
        t.outputTokens += usage?.output_tokens ?? 0;
        return { ok: true, msg };
      } catch (e) {
        // json_schema replies are JSON-parsed inside the client: prose from a server that ignores
        // response_format surfaces here, not as content.
        if (e instanceof SyntaxError || (e as { name?: unknown })?.name === 'SyntaxError')
          return {
            ok: false,
            c: {
              error: { code: 'LLM_OUTPUT_INVALID', message: `the model's reply is not JSON (${(e as Error).message})` },
              retryable: false,
              retryAfterMs: undefined,
              schemaUnsupported: false,
            },
            notJson: true,
          };
        const timedOut = perRequest.aborted || signal.aborted;
        const c = classifyLlmError(
          e,
          timedOut,
          signal.aborted ? clock() - t.started : s.timeoutMs,
          endpointLabel(s.baseUrl),
        );
        if (!c.retryable || attempt >= s.maxRetries || signal.aborted) return { ok: false, c };
        const wait = Math.min(c.retryAfterMs ?? 500 * 2 ** attempt, MAX_WAIT_MS);
        if (!(await sleep(wait, signal))) return { ok: false, c };
      }
    }
  };

  const meta = (t: Tally, m: LlmCallMeta['method'], responseText: string): LlmCallMeta => ({
    model: s.model,
    inputTokens: t.inputTokens,
    outputTokens: t.outputTokens,
    latencyMs: clock() - t.started,
    attempts: t.attempts,
    method: m,
    responseText,
  });
  const fail = <T>(error: CausewayError, m: LlmCallMeta): LlmOutcome<T> => ({ ok: false, error, meta: m });

  return {
    model: s.model,
    endpoint: endpointLabel(s.baseUrl),
    async structured(req) {
      const t: Tally = { attempts: 0, inputTokens: 0, outputTokens: 0, started: clock() };
      const messages = toLangchainMessages(req.messages);
      let fellBack = false;
      for (;;) {
        const m = method;
        const runnable =
          m === 'jsonSchema'
            ? chat.withConfig({
                response_format: {
                  type: 'json_schema',
                  // A plain JSON schema (not the zod object), so the reply is validated here, with its usage kept.
                  json_schema: {
                    name: req.name,
                    description: req.description,
                    strict: true,
                    schema: toJsonSchema(req.schema) as Record<string, unknown>,
                  },
                },
              })
            : chat.bindTools([toOpenAiTool({ name: req.name, description: req.description, parameters: req.schema })], {
                tool_choice: { type: 'function', function: { name: req.name } },
              });
        const r = await send(runnable as Runnable<BaseMessage[], AIMessage>, messages, req.signal, t);
        if (!r.ok) {
          // The tokens of a reply the client could not parse are unknown: count the request's estimate.
          if (r.notJson) t.inputTokens += estimateTokens(req.messages);
          if (
            (r.c.schemaUnsupported || r.notJson) &&
            m === 'jsonSchema' &&
            s.structuredOutput === 'auto' &&
            !fellBack
          ) {
            method = 'functionCalling';
            fellBack = true;
            continue;
          }
          return fail(r.c.error, meta(t, m, ''));
        }
        const content = messageText(r.msg.content);
        const call = r.msg.tool_calls?.find((c) => c.name === req.name);
        const text = m === 'jsonSchema' || !call ? content : JSON.stringify(call.args);
        const value = m === 'functionCalling' && call ? call.args : parseJsonReply(content);
        if (value === undefined && m === 'jsonSchema' && s.structuredOutput === 'auto' && !fellBack) {
          // The server ignored response_format (prose came back): use function calling from now on.
          method = 'functionCalling';
          fellBack = true;
          continue;
        }
        const parsed = req.schema.safeParse(value);
        if (!parsed.success) {
          const issues = parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
            .join('; ');
          return fail(
            {
              code: 'LLM_OUTPUT_INVALID',
              message: `the model's reply does not match the ${req.name} schema (${value === undefined ? 'not JSON' : issues})`,
            },
            meta(t, m, text),
          );
        }
        return { ok: true, value: parsed.data, meta: meta(t, m, text) };
      }
    },
    async withTools(req) {
      const t: Tally = { attempts: 0, inputTokens: 0, outputTokens: 0, started: clock() };
      const runnable = chat.bindTools(req.tools.map(toOpenAiTool), {
        tool_choice: req.toolChoice === 'auto' ? 'auto' : { type: 'function', function: { name: req.toolChoice.name } },
      });
      const r = await send(
        runnable as Runnable<BaseMessage[], AIMessage>,
        toLangchainMessages(req.messages),
        req.signal,
        t,
      );
      if (!r.ok) return fail(r.c.error, meta(t, 'tools', ''));
      const text = messageText(r.msg.content);
      const toolCalls: ToolCall[] = [
        ...(r.msg.tool_calls ?? []).map((c, i) => ({ id: c.id ?? `call_${i}`, name: c.name, args: c.args })),
        ...(r.msg.invalid_tool_calls ?? []).map((c, i) => ({
          id: c.id ?? `call_invalid_${i}`,
          name: c.name ?? '(unnamed)',
          args: undefined,
        })),
      ];
      const responseText = toolCalls.length
        ? JSON.stringify({ content: text, toolCalls: toolCalls.map((c) => ({ name: c.name, args: c.args ?? null })) })
        : text;
      return { ok: true, value: { text, toolCalls }, meta: meta(t, 'tools', responseText) };
    },
  };
}

function toOpenAiTool(t: ToolSpec) {
  return {
    type: 'function' as const,
    function: {
      name: t.name,
      description: t.description,
      parameters: toJsonSchema(t.parameters) as Record<string, unknown>,
    },
  };
}

/** Reads a streamed reply (SSE) into one message, usage included. */
async function collect(
  runnable: Runnable<BaseMessage[], AIMessage | AIMessageChunk>,
  messages: BaseMessage[],
  signal: AbortSignal,
): Promise<AIMessage> {
  let acc: AIMessageChunk | undefined;
  for await (const c of await runnable.stream(messages, { signal })) {
    const chunk = c as AIMessageChunk;
    acc = acc ? acc.concat(chunk) : chunk;
  }
  if (!acc) throw new Error('the stream ended without a message');
  return acc as unknown as AIMessage;
}

/** Waits `ms`, or less if the signal aborts first (then false). */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
