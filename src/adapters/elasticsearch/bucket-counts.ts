import type { SeriesQuery } from '../../core/ports.ts';
import type { EsQuery, SearchParams } from './create-es-query.ts';
import { gridHistogram } from './grid-buckets.ts';
import { timeRange } from './time-range.ts';
import { volumeSampler } from './volume-sampler.ts';

type Query = Record<string, unknown>;

/** One series request: documents matching `filter`, per key (a terms field) or in total, on the triage grid. */
export type CountSpec = {
  readonly index: string;
  readonly timeField: string;
  readonly filter: readonly Query[];
  /** Group by this field (omit for one total series, key ''). */
  readonly key?: { readonly field: string; readonly size: number };
  /** Which of the documents failed (always counted exactly). */
  readonly error: Query;
  /** Fields whose values are summed per bucket (durations). */
  readonly sums?: readonly string[];
};

export type Counts = { count: number[]; errors: number[]; sums: number[] };

/**
 * Runs count specs in one multi-search: documents, failed documents and sums per key and grid
 * bucket. Failures are counted exactly; above `exactMaxDocs` matching documents (estimated by
 * `total`) the volumes and sums come from a random sample, scaled.
 */
export async function bucketCounts(
  es: EsQuery,
  q: SeriesQuery,
  specs: readonly CountSpec[],
  total: number,
  exactMaxDocs: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Map<string, Counts>[]> {
  const searches: SearchParams[] = [];
  const plan: { spec: number; kind: 'all' | 'volume' | 'errors'; path: (r: Query | undefined) => Query | undefined }[] =
    [];
  const grid = (f: string) => gridHistogram(f, q);
  for (const [i, spec] of specs.entries()) {
    const g = grid(spec.timeField);
    const sums = Object.fromEntries((spec.sums ?? []).map((field, k) => [`s${k}`, { sum: { field } }]));
    const tree = (inner: Query): Query => {
      const t = { t: { date_histogram: g.agg, aggs: inner } };
      return spec.key ? { k: { terms: { field: spec.key.field, size: spec.key.size }, aggs: t } } : t;
    };
    const body = (filter: readonly Query[], aggs: Query) => ({
      size: 0,
      timeout: `${timeoutMs}ms`,
      query: { bool: { filter: [timeRange(spec.timeField, q.range.from, q.range.to), ...filter] } },
      aggs,
    });
    const head = { index: spec.index, allow_no_indices: false };
    const sampler = volumeSampler(total, exactMaxDocs, tree(sums));
    if (sampler.probability === 1) {
      searches.push(head, body(spec.filter, tree({ ...sums, err: { filter: spec.error } })));
      plan.push({ spec: i, kind: 'all', path: (r) => r });
    } else {
      searches.push(head, body(spec.filter, sampler.aggs), head, body([...spec.filter, spec.error], tree({})));
      plan.push({ spec: i, kind: 'volume', path: sampler.path }, { spec: i, kind: 'errors', path: (r) => r });
    }
  }
  const out = specs.map(() => new Map<string, Counts>());
  if (searches.length === 0) return out;
  const buckets = grid('x').buckets;
  const responses = await es.msearch(searches, signal);
  responses.forEach((r, n) => {
    const p = plan[n];
    if (!p) return;
    const spec = specs[p.spec] as CountSpec;
    const root = p.path(r.aggregations as Query | undefined);
    const keyed = spec.key
      ? ((root?.k as { buckets?: { key: unknown; t: { buckets: Query[] } }[] } | undefined)?.buckets ?? [])
      : root?.t
        ? [{ key: '', t: root.t as { buckets: Query[] } }]
        : [];
    const map = out[p.spec] as Map<string, Counts>;
    for (const kb of keyed) {
      const key = String(kb.key);
      let c = map.get(key);
      if (!c) {
        const z = () => new Array<number>(buckets).fill(0);
        c = { count: z(), errors: z(), sums: z() };
        map.set(key, c);
      }
      for (const tb of kb.t.buckets) {
        const b = Math.round(((tb.key as number) - q.range.from) / q.bucketMs);
        if (b < 0 || b >= buckets) continue;
        const docs = tb.doc_count as number;
        if (p.kind === 'errors') {
          (c.errors[b] as number) += docs;
          continue;
        }
        (c.count[b] as number) += docs;
        if (p.kind === 'all') (c.errors[b] as number) += (tb.err as { doc_count: number }).doc_count;
        for (let k = 0; k < (spec.sums?.length ?? 0); k++) {
          c.sums[b] = (c.sums[b] as number) + ((tb[`s${k}`] as { value: number | null } | undefined)?.value ?? 0);
        }
      }
    }
  });
  for (const map of out) {
    for (const c of map.values()) {
      for (let b = 0; b < buckets; b++)
        if ((c.count[b] as number) < (c.errors[b] as number)) c.count[b] = c.errors[b] as number;
    }
  }
  return out;
}
