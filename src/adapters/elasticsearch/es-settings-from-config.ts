import type { Config } from '../../core/config/config-schema.ts';
import type { EsSettings } from './es-settings.ts';
import { ECS_LOG_FIELDS, type LogFields } from './log-fields.ts';
import type { TraceFields } from './trace-fields.ts';
import { TRACE_SCHEMAS } from './trace-schemas.ts';

export type EsOverrides = {
  /** The server (the `--es` flag); else `elasticsearch.url`. */
  readonly url?: string;
  /** Index name prefix of a seeded bundle: the patterns become `<prefix>logs-*`, `<prefix>traces-*`, `<prefix>causeway-changes`. */
  readonly prefix?: string;
  readonly traceSchema?: TraceFields['schema'];
};

const DEFAULT_KIBANA = 'http://localhost:5601';

/** The connectors' settings from the `elasticsearch` configuration section and command-line overrides. */
export function esSettingsFromConfig(c: Config['elasticsearch'], o: EsOverrides = {}): EsSettings | undefined {
  const url = o.url ?? c.url;
  if (!url) return undefined;
  const schema = TRACE_SCHEMAS[o.traceSchema ?? c.traceSchema];
  const t = c.traceFields;
  const list = (v: string | undefined, d: readonly string[]) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : d;
  const traceFields: TraceFields = {
    ...schema,
    traceId: list(t.traceId, schema.traceId),
    spanId: list(t.spanId, schema.spanId),
    parentId: list(t.parentId, schema.parentId),
    service: list(t.service, schema.service),
    name: list(t.name, schema.name),
    kind: list(t.kind, schema.kind),
    start: t.start ?? schema.start,
    duration: list(t.duration, schema.duration),
    status: t.status ?? schema.status,
    httpStatus: list(t.httpStatus, schema.httpStatus),
    peer: list(t.peer, schema.peer),
    event: t.event ?? schema.event,
    sequence: t.sequence ?? schema.sequence,
  };
  const logFields: LogFields = { ...ECS_LOG_FIELDS, ...definedOnly(c.logFields) };
  const indices =
    o.prefix !== undefined
      ? { logs: `${o.prefix}logs-*`, traces: `${o.prefix}traces-*`, changes: `${o.prefix}causeway-changes` }
      : c.indices;
  return {
    url,
    indices,
    logFields,
    traceFields,
    requestTimeoutMs: c.requestTimeoutSeconds * 1000,
    fullReadMaxLogs: c.fullReadMaxLogs,
    fullReadMaxSpans: c.fullReadMaxSpans,
    logSamplePerStratum: c.logSamplePerStratum,
    traceSamplePerStratum: c.traceSamplePerStratum,
    maxErrorMarks: c.maxErrorMarks,
    exactCountsMaxDocs: c.exactCountsMaxDocs,
    maxServices: c.maxServices,
    maxChanges: c.maxChanges,
    kibanaUrl: (c.kibanaUrl ?? DEFAULT_KIBANA).replace(/\/+$/, ''),
  };
}

function definedOnly(o: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}
