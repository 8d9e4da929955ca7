import type { Client, estypes } from '@elastic/elasticsearch';
import { EsFailureError } from './es-failure-error.ts';

export type EsTransfer = { requests: number; docs: number };

/** A search request as JSON (index, query, aggs, sort ...): the client's request types are too strict to build generically. */
export type SearchParams = Record<string, unknown>;

export type EsQuery = {
  /** One search with the request deadline; a timed-out or partly failed answer throws an EsFailureError. */
  search<T = Record<string, unknown>>(params: SearchParams, signal: AbortSignal): Promise<estypes.SearchResponse<T>>;
  msearch<T = Record<string, unknown>>(
    searches: SearchParams[],
    signal: AbortSignal,
  ): Promise<estypes.SearchResponse<T>[]>;
  /** Every hit of a query in sort order (point in time + search_after), up to `max`. */
  scan<T = Record<string, unknown>>(
    index: string,
    params: SearchParams,
    max: number,
    signal: AbortSignal,
    onHit: (hit: estypes.SearchHit<T>) => void,
  ): Promise<number>;
  /** Requests made and documents received so far (for the benchmark and the report). */
  readonly transfer: EsTransfer;
};

const PAGE = 10_000;

/** Searches through one client with a deadline per request and a count of what travelled. */
export function createEsQuery(client: Client, requestTimeoutMs: number): EsQuery {
  const transfer: EsTransfer = { requests: 0, docs: 0 };
  const opts = (signal: AbortSignal) => ({ signal, requestTimeout: requestTimeoutMs });
  const check = <T>(r: estypes.SearchResponse<T>): estypes.SearchResponse<T> => {
    transfer.docs += r.hits.hits.length + countAggHits(r.aggregations);
    if (r.timed_out) {
      throw new EsFailureError({
        state: 'failed',
        code: 'SOURCE_TIMEOUT',
        detail: `the search timed out on the server (after ${requestTimeoutMs} ms)`,
      });
    }
    const failure = r._shards.failures?.[0];
    if (r._shards.failed > 0) {
      throw new EsFailureError({
        state: 'failed',
        code: 'SOURCE_UNAVAILABLE',
        detail:
          `${r._shards.failed} of ${r._shards.total} shards failed: ${failure?.reason.type ?? ''} ${failure?.reason.reason ?? ''}`.trim(),
      });
    }
    return r;
  };
  const query: EsQuery = {
    transfer,
    async search<T>(params: SearchParams, signal: AbortSignal) {
      transfer.requests++;
      const r = await client.search<T>(
        { timeout: `${requestTimeoutMs}ms`, ...params } as estypes.SearchRequest,
        opts(signal),
      );
      return check(r);
    },
    async msearch<T>(searches: SearchParams[], signal: AbortSignal) {
      transfer.requests++;
      const r = await client.msearch<T>({ searches: searches as estypes.MsearchRequestItem[] }, opts(signal));
      return r.responses.map((x) => {
        if ('error' in x) {
          const e = x.error;
          throw new EsFailureError({
            state: 'failed',
            code: 'SOURCE_UNAVAILABLE',
            detail: `${e.type}: ${e.reason ?? ''}`,
          });
        }
        return check(x as estypes.SearchResponse<T>);
      });
    },
    async scan<T>(
      index: string,
      params: SearchParams,
      max: number,
      signal: AbortSignal,
      onHit: (hit: estypes.SearchHit<T>) => void,
    ) {
      transfer.requests++;
      const pit = await client.openPointInTime({ index, keep_alive: '1m' }, opts(signal));
      let id = pit.id;
      let seen = 0;
      let after: estypes.SortResults | undefined;
      try {
        while (seen < max) {
          const want = Math.min(PAGE, max - seen);
          const r = await query.search<T>(
            {
              ...params,
              size: want,
              pit: { id, keep_alive: '1m' },
              track_total_hits: false,
              ...(after ? { search_after: after } : {}),
            },
            signal,
          );
          if (r.pit_id) id = r.pit_id;
          for (const h of r.hits.hits) onHit(h);
          seen += r.hits.hits.length;
          const last = r.hits.hits.at(-1);
          if (!last || r.hits.hits.length < want) break;
          after = last.sort;
        }
      } finally {
        client.closePointInTime({ id }).catch(() => undefined);
      }
      return seen;
    },
  };
  return query;
}

/** Documents inside top_hits aggregations (they travel too). */
function countAggHits(aggs: unknown): number {
  if (!aggs || typeof aggs !== 'object') return 0;
  let n = 0;
  for (const v of Object.values(aggs as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    const hits = (o.hits as { hits?: unknown[] } | undefined)?.hits;
    if (Array.isArray(hits)) {
      n += hits.length;
      continue;
    }
    if (Array.isArray(o.buckets)) for (const b of o.buckets) n += countAggHits(b);
    else if (o.buckets && typeof o.buckets === 'object') for (const b of Object.values(o.buckets)) n += countAggHits(b);
    else n += countAggHits(o);
  }
  return n;
}
