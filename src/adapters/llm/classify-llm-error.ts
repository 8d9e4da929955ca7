import type { ClassifiedError } from './classified-error.ts';

const SCHEMA_WORDS = /response_format|json_schema|structured output|guided_json|grammar/i;

/**
 * Turns whatever the client threw into a typed outcome. `timedOut` tells whether our own
 * deadline fired (an abort is then a timeout, not a failure of the server). `endpoint` (the
 * URL without credentials or query, see endpointLabel) is named when it cannot be reached.
 */
export function classifyLlmError(e: unknown, timedOut: boolean, timeoutMs: number, endpoint: string): ClassifiedError {
  const err = (e ?? {}) as { status?: unknown; message?: unknown; name?: unknown; headers?: unknown; cause?: unknown };
  const message = typeof err.message === 'string' ? (err.message.split('\n')[0] ?? '') : String(e);
  const status = typeof err.status === 'number' ? err.status : undefined;
  const none = { retryAfterMs: undefined, schemaUnsupported: false };
  if (timedOut || err.name === 'AbortError' || err.name === 'TimeoutError') {
    return {
      error: { code: 'LLM_TIMEOUT', message: `no answer from the model within ${Math.round(timeoutMs / 100) / 10} s` },
      retryable: false,
      ...none,
    };
  }
  if (status === 429) {
    return {
      error: { code: 'LLM_RATE_LIMITED', message: `429 from the model endpoint: ${message}` },
      retryable: true,
      retryAfterMs: retryAfter(err.headers),
      schemaUnsupported: false,
    };
  }
  if (status !== undefined) {
    const retryable = status === 408 || status === 409 || status >= 500;
    return {
      error: { code: 'LLM_UNAVAILABLE', message: `the model endpoint answered ${status}: ${message}` },
      retryable,
      retryAfterMs: retryable ? retryAfter(err.headers) : undefined,
      schemaUnsupported: (status === 400 || status === 422 || status === 501) && SCHEMA_WORDS.test(message),
    };
  }
  const cause = (err.cause as { code?: unknown; message?: unknown } | undefined) ?? {};
  const detail = typeof cause.code === 'string' ? `${message} (${cause.code})` : message;
  const connection = /connection|fetch failed|ECONN|ENOTFOUND|EAI_AGAIN|socket|network/i.test(
    `${message} ${String(err.name)} ${String(cause.code ?? '')}`,
  );
  return {
    error: { code: 'LLM_UNAVAILABLE', message: `cannot reach the model endpoint ${endpoint}: ${detail}` },
    retryable: connection,
    ...none,
  };
}

function retryAfter(headers: unknown): number | undefined {
  const get = (k: string): string | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(k) ?? undefined;
    const v = (headers as Record<string, unknown>)[k];
    return typeof v === 'string' ? v : undefined;
  };
  const ms = Number(get('retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && get('retry-after-ms') !== undefined) return ms;
  const text = get('retry-after');
  if (text === undefined) return undefined;
  const s = Number(text);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
