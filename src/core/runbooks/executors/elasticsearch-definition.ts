import { z } from 'zod';
import type { JsonValue } from '../../model/json-value.ts';
import type { ExecutorDefinition } from '../executor-definition.ts';
import type { ParamValues } from '../param-value.ts';
import type { RunbookProblem } from '../runbook-problem.ts';
import { fillTemplate } from '../template.ts';
import { zodProblems } from '../zod-problems.ts';

const INDEX = /^(?!_|-)[a-z0-9*][a-z0-9._*-]*(?:,(?!_|-)[a-z0-9*][a-z0-9._*-]*)*$/;

const schema = z.strictObject({
  index: z.string({ error: 'expected an index name or pattern, e.g. logs-*' }).min(1),
  query: z.record(z.string(), z.unknown(), { error: 'expected a query DSL object, e.g. {match: {service.name: x}}' }),
  fields: z
    .array(z.string().min(1), { error: 'expected a list of field names (the table columns)' })
    .max(20)
    .optional(),
  size: z.number().int().min(1).max(100, { error: 'at most 100 rows' }).default(20),
  sort: z.array(z.unknown()).optional(),
});

function fill(v: unknown, params: ParamValues): JsonValue {
  if (typeof v === 'string') return fillTemplate(v, params);
  if (Array.isArray(v)) return v.map((x) => fill(x, params));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, params)]));
  return (v ?? null) as JsonValue;
}

/**
 * `elasticsearch`: one read-only search (the `_search` API, nothing else), shown as a table of
 * the chosen fields. Parameters fill string values inside the query, as JSON strings.
 */
export const elasticsearchDefinition: ExecutorDefinition = {
  name: 'elasticsearch',
  summary: 'a read-only Elasticsearch search, rendered as a table',
  risk: () => 'read',
  check(args) {
    const parsed = schema.safeParse(args);
    return parsed.success ? [] : zodProblems(parsed.error);
  },
  render(args, params) {
    const parsed = schema.safeParse(args);
    if (!parsed.success) return { ok: false, error: zodProblems(parsed.error) };
    const w = parsed.data;
    const problems: RunbookProblem[] = [];
    const index = fillTemplate(w.index, params);
    if (!INDEX.test(index) || index.includes('..'))
      problems.push({ path: ['index'], message: `"${index}" is not an index name or pattern` });
    if (problems.length > 0) return { ok: false, error: problems };
    const body = {
      query: fill(w.query, params),
      size: w.size,
      ...(w.fields ? { _source: w.fields } : {}),
      ...(w.sort ? { sort: fill(w.sort, params) } : {}),
    };
    return {
      ok: true,
      value: {
        action: { index, body, fields: w.fields ?? [] },
        display: [`GET /${index}/_search (read-only, at most ${w.size} rows)`, JSON.stringify(body)],
      },
    };
  },
};
