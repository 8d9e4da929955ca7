import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { WebClient } from '@slack/web-api';
import { redactSecrets, redactText } from '../../core/audit/redact-secrets.ts';
import type { ChatMessage } from '../../core/chat/block-kit.ts';
import type { ChatFailure, ChatPort, ChatRef } from '../../core/chat/chat-port.ts';
import type { Result } from '../../core/result/result.ts';

export type SlackChatOptions = {
  /** Minimum time between two new messages in one channel (Slack: 1 per second per channel). */
  readonly postIntervalMs?: number;
  /** Minimum time between two edits in one channel (chat.update is not subject to the 1/s rule). */
  readonly updateIntervalMs?: number;
  /** How many times a call answered with 429 is retried (after the Retry-After it names). */
  readonly rateLimitRetries?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told of each 429 (for logs and metrics). */
  readonly onRateLimited?: (method: string, retryAfterS: number) => void;
  /** Told of each call that failed for good (Slack's error code, or `ratelimited` after the retries). */
  readonly onFailed?: (method: string, code: string) => void;
  /** Secret values (`configSecrets`) never posted: replaced in every message and file title. */
  readonly knownSecrets?: readonly string[];
};

/**
 * The chat port over Slack's Web API. The client must be built with `rejectRateLimitedCalls: true`
 * and no retries: this adapter owns the policy. Writes to one channel are serialised and paced (new
 * messages at most one per second per channel, edits more often), a `429` is waited out for its
 * `Retry-After` and retried, and Slack's `ok: false` answers come back as values.
 */
export function createSlackChat(client: WebClient, opts: SlackChatOptions = {}): ChatPort {
  const postGap = opts.postIntervalMs ?? 1000;
  const updateGap = opts.updateIntervalMs ?? 250;
  const retries = opts.rateLimitRetries ?? 3;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const lanes = new Map<string, { tail: Promise<unknown>; lastPost: number; lastUpdate: number }>();

  const inLane = <T>(channel: string, kind: 'post' | 'update' | 'other', work: () => Promise<T>): Promise<T> => {
    let lane = lanes.get(channel);
    if (!lane) {
      lane = { tail: Promise.resolve(), lastPost: -Infinity, lastUpdate: -Infinity };
      lanes.set(channel, lane);
    }
    const l = lane;
    const run = l.tail.then(async () => {
      const wait =
        kind === 'post' ? l.lastPost + postGap - now() : kind === 'update' ? l.lastUpdate + updateGap - now() : 0;
      if (wait > 0) await sleep(wait);
      try {
        return await work();
      } finally {
        if (kind === 'post') l.lastPost = now();
        if (kind === 'update') l.lastUpdate = now();
      }
    });
    l.tail = run.catch(() => undefined);
    return run;
  };

  // One span per Slack call (retries included), under the triage or action that made it.
  const tracer = trace.getTracer('causeway');
  const call = <T>(method: string, fn: () => Promise<T>): Promise<Result<T, ChatFailure>> =>
    tracer.startActiveSpan('causeway.slack.call', { attributes: { 'slack.method': method } }, async (span) => {
      try {
        const r = await withRetries(method, fn);
        if (!r.ok) {
          opts.onFailed?.(method, r.error.code);
          span.setAttribute('slack.error', r.error.code);
          span.setStatus({ code: SpanStatusCode.ERROR, message: r.error.code });
        }
        return r;
      } finally {
        span.end();
      }
    });
  const withRetries = async <T>(method: string, fn: () => Promise<T>): Promise<Result<T, ChatFailure>> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return { ok: true, value: await fn() };
      } catch (e) {
        const err = e as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
        if (err.code === 'slack_webapi_rate_limited_error' && attempt < retries) {
          const s = err.retryAfter ?? 1;
          opts.onRateLimited?.(method, s);
          trace.getActiveSpan()?.addEvent('slack.rate_limited', { 'slack.retry_after_s': s });
          await sleep(s * 1000);
          continue;
        }
        if (err.code === 'slack_webapi_rate_limited_error')
          return {
            ok: false,
            error: { code: 'ratelimited', message: `${method}: still rate limited after ${retries} retries` },
          };
        if (err.code === 'slack_webapi_platform_error')
          return {
            ok: false,
            error: { code: err.data?.error ?? 'unknown_error', message: `${method}: ${err.data?.error ?? 'error'}` },
          };
        return {
          ok: false,
          error: { code: err.code ?? 'request_failed', message: `${method}: ${err.message ?? String(e)}` },
        };
      }
    }
  };
  const secrets = opts.knownSecrets ?? [];
  // What reaches Slack passes the same redaction as the logs and the audit trail.
  const payload = (m: ChatMessage) => {
    const clean = redactSecrets(JSON.parse(JSON.stringify({ text: m.text, blocks: m.blocks })), secrets) as {
      text: string;
      blocks: never;
    };
    return { text: clean.text, blocks: clean.blocks };
  };

  return {
    post: (channel, message, threadTs) =>
      inLane(channel, 'post', () =>
        call('chat.postMessage', async () => {
          const r = await client.chat.postMessage({
            channel,
            ...payload(message),
            ...(threadTs ? { thread_ts: threadTs } : {}),
            unfurl_links: false,
            unfurl_media: false,
          });
          return { channel: r.channel ?? channel, ts: r.ts as string } satisfies ChatRef;
        }),
      ),
    update: (ref, message) =>
      inLane(ref.channel, 'update', () =>
        call('chat.update', async () => {
          const r = await client.chat.update({ channel: ref.channel, ts: ref.ts, ...payload(message) });
          return { channel: r.channel ?? ref.channel, ts: (r.ts as string | undefined) ?? ref.ts };
        }),
      ),
    postEphemeral: (channel, user, message, threadTs) =>
      inLane(channel, 'other', () =>
        call('chat.postEphemeral', async () => {
          await client.chat.postEphemeral({
            channel,
            user,
            ...payload(message),
            ...(threadTs ? { thread_ts: threadTs } : {}),
          });
        }),
      ),
    uploadFile: (channel, threadTs, file) =>
      inLane(channel, 'other', () =>
        call('files.uploadV2', async () => {
          const r = (await client.filesUploadV2({
            channel_id: channel,
            thread_ts: threadTs,
            file: Buffer.from(file.bytes),
            filename: file.filename,
            title: redactText(file.title, secrets),
            ...(file.comment ? { initial_comment: redactText(file.comment, secrets) } : {}),
          })) as unknown as { files?: { files?: { id?: string }[] }[] };
          const id = r.files?.[0]?.files?.[0]?.id;
          return { fileId: id ?? 'unknown' };
        }),
      ),
  };
}
