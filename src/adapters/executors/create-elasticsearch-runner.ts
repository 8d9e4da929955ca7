import type { StepRunOutcome } from '../../core/runbooks/step-run-outcome.ts';
import type { StepRunner } from '../../core/runbooks/step-runner.ts';
import { formatTable } from './format-table.ts';

export type ElasticsearchRunnerOptions = {
  /** elasticsearch.url; without it every elasticsearch step fails with a clear reason. */
  readonly url: string | undefined;
  readonly apiKey?: string | undefined;
  readonly maxOutputBytes: number;
  readonly fetch?: typeof fetch;
};

function valueAt(source: unknown, field: string): unknown {
  if (source === null || typeof source !== 'object') return undefined;
  const o = source as Record<string, unknown>;
  if (Object.hasOwn(o, field)) return o[field];
  const dot = field.indexOf('.');
  for (let i = dot; i > 0; i = field.indexOf('.', i + 1)) {
    const head = field.slice(0, i);
    if (Object.hasOwn(o, head)) {
      const v = valueAt(o[head], field.slice(i + 1));
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

const cell = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Runs one read-only search: `POST {url}/{index}/_search` with the rendered body — the only
 * Elasticsearch API this executor ever calls — and shows the hits as a table of the chosen fields
 * (or of the first hit's top-level fields).
 */
export function createElasticsearchRunner(o: ElasticsearchRunnerOptions): StepRunner {
  const doFetch = o.fetch ?? fetch;
  return async (action, ctx): Promise<StepRunOutcome> => {
    const failed = (summary: string, timedOut = false): StepRunOutcome => ({
      status: 'failed',
      output: summary,
      truncatedBytes: 0,
      timedOut,
      summary,
    });
    if (!o.url) return failed('elasticsearch.url is not configured');
    const index = String(action.index);
    const timeout = AbortSignal.timeout(ctx.timeoutMs);
    const started = Date.now();
    let res: Response;
    try {
      res = await doFetch(`${o.url.replace(/\/+$/, '')}/${index}/_search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(o.apiKey ? { authorization: `ApiKey ${o.apiKey}` } : {}) },
        body: JSON.stringify(action.body),
        redirect: 'manual',
        signal: AbortSignal.any([ctx.signal, timeout]),
      });
    } catch (e) {
      if (timeout.aborted) return failed(`timed out after ${ctx.timeoutMs / 1000}s`, true);
      return failed(
        `search failed: ${(e as Error & { cause?: { code?: string } }).cause?.code ?? (e as Error).message}`,
      );
    }
    const text = await res.text();
    if (!res.ok) {
      let reason = text.slice(0, 500);
      try {
        reason = (JSON.parse(text) as { error?: { reason?: string } }).error?.reason ?? reason;
      } catch {
        // Not JSON: keep the text.
      }
      return { ...failed(`Elasticsearch answered ${res.status}: ${reason}`), exitCode: res.status };
    }
    const json = JSON.parse(text) as {
      hits?: {
        total?: { value?: number; relation?: string } | number;
        hits?: { _source?: unknown; _index?: string }[];
      };
    };
    const hits = json.hits?.hits ?? [];
    const total = json.hits?.total;
    const totalText =
      typeof total === 'number' ? `${total}` : total ? `${total.relation === 'gte' ? '≥ ' : ''}${total.value}` : '?';
    const chosen = Array.isArray(action.fields) ? action.fields.map(String) : [];
    const first = hits[0]?._source;
    const columns =
      chosen.length > 0 ? chosen : first && typeof first === 'object' ? Object.keys(first as object).slice(0, 8) : [];
    const table =
      hits.length > 0
        ? formatTable(
            columns,
            hits.map((h) => columns.map((c) => cell(valueAt(h._source, c)))),
          )
        : '';
    let output = `${hits.length} of ${totalText} hits in ${index}${table ? `\n${table}` : ''}`;
    let truncatedBytes = 0;
    const bytes = Buffer.byteLength(output);
    if (bytes > o.maxOutputBytes) {
      truncatedBytes = bytes - o.maxOutputBytes;
      output = `${Buffer.from(output).subarray(0, o.maxOutputBytes).toString('utf8')}\n… [${truncatedBytes} more bytes not kept]`;
    }
    return {
      status: 'succeeded',
      exitCode: res.status,
      output,
      truncatedBytes,
      timedOut: false,
      summary: `${hits.length} of ${totalText} hits in ${Date.now() - started} ms`,
      detail: { hits: hits.length, durationMs: Date.now() - started },
    };
  };
}
