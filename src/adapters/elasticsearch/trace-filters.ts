import type { TraceFields } from './trace-fields.ts';

type Query = Record<string, unknown>;

/** The ways span kinds are spelled in stored documents (OTel `Server`, APM `SERVER`, `SPAN_KIND_SERVER` ...). */
function kindValues(kinds: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of kinds) {
    out.push(k[0]?.toUpperCase() + k.slice(1), k.toUpperCase(), k, `SPAN_KIND_${k.toUpperCase()}`);
  }
  return out;
}

const any = (should: Query[]): Query => ({ bool: { should, minimum_should_match: 1 } });

/** Query filters that say, inside Elasticsearch, what the trace analysis says of one span. */
export const traceFilters = {
  /** A span without a parent: the root of its trace. */
  root(f: TraceFields): Query {
    return any([
      { bool: { must_not: f.parentId.map((field) => ({ exists: { field } })) } },
      ...f.parentId.map((field) => ({ term: { [field]: '' } })),
    ]);
  },
  /** A span that serves a request: server or consumer kind, an APM transaction, or a root. */
  entry(f: TraceFields): Query {
    return any([
      ...f.kind.map((field) => ({ terms: { [field]: kindValues(['server', 'consumer']) } })),
      ...(f.event ? [{ term: { [f.event]: 'transaction' } }] : []),
      traceFilters.root(f),
    ]);
  },
  /** A span that calls out (client or producer kind, or an APM span with a destination). */
  exit(f: TraceFields): Query {
    return any([
      ...f.kind.map((field) => ({ terms: { [field]: kindValues(['client', 'producer']) } })),
      ...(f.event
        ? [
            {
              bool: {
                filter: [{ term: { [f.event]: 'span' } }],
                must_not: f.kind.map((field) => ({ exists: { field } })),
              },
            },
          ]
        : []),
    ]);
  },
  /** A failed span: error status, or no status and an HTTP 5xx (429 too, for a call). */
  error(f: TraceFields, call = false): Query {
    const http = f.httpStatus.flatMap((field) => [
      { range: { [field]: { gte: 500 } } },
      ...(call ? [{ term: { [field]: 429 } }] : []),
    ]);
    return any([
      { terms: { [f.status]: [...f.errorValues] } },
      { bool: { must_not: [{ terms: { [f.status]: [...f.okValues, ...f.errorValues] } }], filter: [any(http)] } },
    ]);
  },
  /** Exit spans named by the i-th peer field (and by none before it), so each call counts once. */
  peer(f: TraceFields, i: number): Query {
    const field = f.peer[i] as string;
    return {
      bool: {
        filter: [traceFilters.exit(f), { exists: { field } }],
        must_not: f.peer.slice(0, i).map((p) => ({ exists: { field: p } })),
      },
    };
  },
};
