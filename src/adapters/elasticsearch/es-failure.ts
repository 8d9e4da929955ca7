import { errors } from '@elastic/elasticsearch';
import type { ErrorCode } from '../../core/errors/error-codes.ts';
import { type EsFailure, EsFailureError } from './es-failure-error.ts';

/**
 * What went wrong talking to Elasticsearch, as a typed source failure naming the server:
 * refused/unreachable, timed out, not Elasticsearch, a missing index, or an error answer.
 */
export function esFailure(e: unknown, url: string, index?: string): EsFailure {
  if (e instanceof EsFailureError) return e.failure;
  const fail = (code: ErrorCode, detail: string): EsFailure => ({ state: 'failed', code, detail });
  if (e instanceof errors.TimeoutError)
    return fail('SOURCE_TIMEOUT', `no answer from ${url} in time (request timeout)`);
  if (e instanceof errors.RequestAbortedError) return fail('SOURCE_TIMEOUT', `request to ${url} aborted (deadline)`);
  if (e instanceof errors.ProductNotSupportedError)
    return fail('SOURCE_UNAVAILABLE', `${url} is not Elasticsearch (no x-elastic-product header)`);
  if (e instanceof errors.ConnectionError) {
    const m = e.message;
    if (/ECONNREFUSED/.test(m)) return fail('SOURCE_UNAVAILABLE', `connection refused to ${url}`);
    if (/ENOTFOUND|EAI_AGAIN/.test(m)) return fail('SOURCE_UNAVAILABLE', `cannot resolve the host of ${url}`);
    return fail('SOURCE_UNAVAILABLE', `cannot reach ${url}: ${m}`);
  }
  if (e instanceof errors.ResponseError) {
    const body = e.body as
      | { error?: { type?: string; reason?: string; root_cause?: { reason?: string }[] } }
      | undefined;
    const type = body?.error?.type;
    if (type === 'index_not_found_exception')
      return fail('SOURCE_UNAVAILABLE', `no index matches ${index ?? body?.error?.reason ?? '?'} at ${url}`);
    const reason = body?.error?.root_cause?.[0]?.reason ?? body?.error?.reason ?? e.message;
    return fail(
      'SOURCE_UNAVAILABLE',
      `${url} answered ${e.statusCode ?? '?'}${type ? ` ${type}` : ''}: ${clip(reason)}`,
    );
  }
  if (e instanceof Error && e.name === 'AbortError')
    return fail('SOURCE_TIMEOUT', `request to ${url} aborted (deadline)`);
  return fail('SOURCE_UNAVAILABLE', `${url}: ${clip(e instanceof Error ? e.message : String(e))}`);
}

function clip(s: string): string {
  return s.length > 300 ? `${s.slice(0, 299)}…` : s;
}
