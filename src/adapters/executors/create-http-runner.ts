import { hostAllowed } from '../../core/runbooks/host-allowed.ts';
import type { StepRunOutcome } from '../../core/runbooks/step-run-outcome.ts';
import type { StepRunner } from '../../core/runbooks/step-runner.ts';
import { createOutputCollector } from './create-output-collector.ts';

export type HttpRunnerOptions = {
  readonly allowHosts: readonly string[];
  /** Where `{env: NAME}` header secrets are read (only names in `secretEnv`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly secretEnv: readonly string[];
  readonly maxOutputBytes: number;
  readonly fetch?: typeof fetch;
};

/**
 * Sends `{method, url, headers, body, expectStatus}`: only to an allowlisted host (checked again
 * here, whatever the plan says), never following redirects (a 3xx is the answer), with secret
 * headers filled from the environment at the last moment. Succeeds when the status is expected.
 * The response body is kept up to the output cap.
 */
export function createHttpRunner(o: HttpRunnerOptions): StepRunner {
  const doFetch = o.fetch ?? fetch;
  return async (action, ctx): Promise<StepRunOutcome> => {
    const failed = (summary: string, timedOut = false): StepRunOutcome => ({
      status: 'failed',
      output: summary,
      truncatedBytes: 0,
      timedOut,
      summary,
    });
    let url: URL;
    try {
      url = new URL(String(action.url));
    } catch {
      return failed(`refused: "${String(action.url)}" is not a URL`);
    }
    if (!hostAllowed(url, o.allowHosts)) return failed(`refused: host ${url.host} is not in runbooks.http.allowHosts`);
    const headers: Record<string, string> = {};
    for (const [name, v] of Object.entries((action.headers ?? {}) as Record<string, unknown>)) {
      if (typeof v === 'string') headers[name] = v;
      else {
        const ref = v as { env: string; prefix?: string };
        const secret = o.secretEnv.includes(ref.env) ? o.env[ref.env] : undefined;
        if (secret === undefined) return failed(`the secret ${ref.env} is not set (or not in runbooks.secretEnv)`);
        headers[name] = `${ref.prefix ?? ''}${secret}`;
      }
    }
    const started = Date.now();
    const timeout = AbortSignal.timeout(ctx.timeoutMs);
    const method = String(action.method ?? 'GET');
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        headers,
        redirect: 'manual',
        signal: AbortSignal.any([ctx.signal, timeout]),
        ...(typeof action.body === 'string' ? { body: action.body } : {}),
      });
    } catch (e) {
      if (timeout.aborted) return failed(`timed out after ${ctx.timeoutMs / 1000}s`, true);
      const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
      return failed(`${method} ${url.host} failed: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
    }
    const out = createOutputCollector(o.maxOutputBytes);
    let timedOut = false;
    try {
      const reader = res.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        out.push(value);
        if (out.droppedBytes > 0) {
          await reader.cancel();
          break;
        }
      }
    } catch {
      timedOut = timeout.aborted;
    }
    const expect = action.expectStatus;
    const ok = Array.isArray(expect) ? expect.includes(res.status) : res.status >= 200 && res.status < 300;
    const took = Date.now() - started;
    const body = out.text();
    return {
      status: ok && !timedOut ? 'succeeded' : 'failed',
      exitCode: res.status,
      output: `HTTP ${res.status} ${res.statusText}`.trim() + (body ? `\n${body}` : ''),
      truncatedBytes: out.droppedBytes,
      timedOut,
      summary: timedOut
        ? `timed out reading the answer after ${ctx.timeoutMs / 1000}s`
        : ok
          ? `HTTP ${res.status} in ${took} ms`
          : `HTTP ${res.status}, expected ${Array.isArray(expect) ? expect.join(' or ') : '2xx'}`,
      detail: { httpStatus: res.status, durationMs: took },
    };
  };
}
