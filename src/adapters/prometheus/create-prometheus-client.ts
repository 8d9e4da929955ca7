import type { SourceResult } from '../../core/telemetry/source-result.ts';
import type { PrometheusSettings } from './prometheus-settings.ts';

/** One Prometheus HTTP API call: a form-encoded POST to `path`, answering `data` or a typed failure. */
export type PrometheusClient = (
  path: string,
  form: readonly (readonly [string, string])[],
  signal: AbortSignal,
) => Promise<SourceResult<unknown>>;

/**
 * A client for the Prometheus HTTP API (Mimir, Thanos and VictoriaMetrics speak it too). Every call
 * is a form-encoded POST (long selectors fit) with its own deadline, also ended by the caller's
 * signal. Failures are values naming the URL and the HTTP status or Prometheus' `errorType` and
 * `error`: SOURCE_TIMEOUT or SOURCE_UNAVAILABLE. The Authorization header is never in a message.
 */
export function createPrometheusClient(
  settings: Pick<PrometheusSettings, 'url' | 'authorization' | 'timeoutMs'>,
  fetchImpl: typeof fetch = fetch,
): PrometheusClient {
  return async (path, form, signal) => {
    const url = `${settings.url}${path}`;
    const deadline = AbortSignal.timeout(settings.timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          ...(settings.authorization ? { authorization: settings.authorization } : {}),
        },
        body: new URLSearchParams(form.map(([k, v]): [string, string] => [k, v])).toString(),
        signal: AbortSignal.any([signal, deadline]),
      });
      text = await res.text();
    } catch (e) {
      if (deadline.aborted)
        return {
          state: 'failed',
          code: 'SOURCE_TIMEOUT',
          detail: `prometheus ${url}: no answer within ${settings.timeoutMs} ms (prometheus.timeoutSeconds)`,
        };
      if (signal.aborted) return { state: 'failed', code: 'SOURCE_TIMEOUT', detail: `prometheus ${url}: cancelled` };
      return { state: 'failed', code: 'SOURCE_UNAVAILABLE', detail: `prometheus ${url}: ${reason(e)}` };
    }
    const body = parseJson(text);
    if (body?.status === 'success' && res.ok) return { state: 'ok', value: body.data };
    const said =
      typeof body?.errorType === 'string' || typeof body?.error === 'string'
        ? `: ${String(body?.errorType ?? 'error')}: ${String(body?.error ?? '').slice(0, 300)}`
        : text.trim()
          ? `: ${text.trim().slice(0, 200)}`
          : '';
    return { state: 'failed', code: 'SOURCE_UNAVAILABLE', detail: `prometheus ${url}: HTTP ${res.status}${said}` };
  };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function reason(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : undefined;
  return cause ?? (e instanceof Error ? e.message : String(e));
}
