import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type AttrValue = {
  stringValue?: string;
  intValue?: string;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: unknown;
};
export type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: AttrValue }[];
  status?: { code?: number; message?: string };
  events?: { name: string }[];
};
export type ResourceSpans = {
  resource: { attributes: { key: string; value: AttrValue }[] };
  scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[];
};

/** Reads a dotted ECS field whether the document writes it flat or nested. */
export function field(doc: Record<string, unknown>, dotted: string): unknown {
  if (dotted in doc) return doc[dotted];
  let cur: unknown = doc;
  for (const part of dotted.split('.')) {
    if (typeof cur !== 'object' || cur === null || !(part in cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** The parsed files of a bundle folder (every line of every NDJSON file parsed). */
export function readBundle(dir: string) {
  const text = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');
  const ndjson = (name: string) =>
    text(name)
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const requests = ndjson('traces.ndjson') as { resourceSpans: ResourceSpans[] }[];
  const spans: (OtlpSpan & { service: string; resource: Record<string, AttrValue> })[] = [];
  for (const req of requests)
    for (const rs of req.resourceSpans) {
      const resource = Object.fromEntries(rs.resource.attributes.map((a) => [a.key, a.value]));
      const service = resource['service.name']?.stringValue ?? '';
      for (const ss of rs.scopeSpans) for (const s of ss.spans) spans.push({ ...s, service, resource });
    }
  return {
    alert: JSON.parse(text('alert.json')) as Record<string, unknown>,
    logs: ndjson('logs.ndjson'),
    requests,
    spans,
    changes: JSON.parse(text('changes.json') || '[]') as Record<string, unknown>[],
    truth: JSON.parse(text('truth.json')) as { service: string; kind: string; changeId?: string; note?: string },
    scenario: JSON.parse(text('scenario.json')) as Record<string, unknown> & {
      timeline: Record<string, string>;
      kind: string;
      seed: number;
    },
  };
}
