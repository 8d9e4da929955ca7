import { z } from 'zod';
import type { Alert } from '../model/alert.ts';
import type { ChangeEvent } from '../model/change-event.ts';
import { CHANGE_TYPES } from '../model/change-type.ts';
import type { Evidence } from '../model/evidence.ts';
import { FAULT_KINDS } from '../model/fault-kind.ts';
import type { Hypothesis } from '../model/hypothesis.ts';
import type { JsonObject } from '../model/json-value.ts';
import type { SourceStatus } from '../model/source-status.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { Result } from '../result/result.ts';
import type { SourcesOrigin } from '../sources/triage-sources.ts';
import { decodeWith } from './decode-with.ts';
import type { FieldError } from './field-error.ts';
import { triageReportJson } from './triage-report-json.ts';

/** A triage as stored with its incident: the report and where its data came from. */
export type StoredTriage = { readonly report: TriageReport; readonly origin: SourcesOrigin | undefined };

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | undefined) => (ms === undefined ? null : iso(ms));

const time = z.string().transform((s, ctx) => {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 time' });
    return z.NEVER;
  }
  return ms;
});
const optionalTime = time.nullish();
const optionalText = z.string().nullish();
const strings = z.record(z.string(), z.string());

const alertSchema = z.object({
  fingerprint: z.string(),
  name: z.string(),
  status: z.enum(['firing', 'resolved']),
  service: optionalText,
  startsAt: time,
  // Rows written before the labels were kept (issue 15) have none of these.
  labels: strings.default({}),
  annotations: strings.default({}),
  endsAt: optionalTime,
  generatorUrl: optionalText,
  source: z.string().default('unknown'),
});

const sourceStatusSchema = z.union([
  z.object({ state: z.literal('failed'), code: z.string(), detail: z.string() }),
  z.object({ state: z.enum(['ok', 'no-data']), detail: z.string().optional() }),
]);

const evidenceSchema = z.object({
  id: z.string(),
  source: z.enum(['traces', 'logs', 'metrics', 'changes', 'alert']),
  kind: z.string(),
  service: z.string(),
  summary: z.string(),
  stance: z.enum(['supports', 'refutes']),
  data: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  traceIds: z.array(z.string()).optional(),
  examples: z.array(z.string()).optional(),
  link: z.string().optional(),
  changeId: z.string().optional(),
});

const hypothesisSchema = z.object({
  id: z.string(),
  service: z.string(),
  kind: z.enum(FAULT_KINDS),
  changeId: z.string().optional(),
  score: z.number(),
  probability: z.number().optional(),
  evidence: z.array(evidenceSchema),
  reasons: z.array(z.object({ rule: z.string(), points: z.number(), text: z.string() })),
});

const changeSchema = z.object({
  id: z.string(),
  type: z.enum(CHANGE_TYPES),
  service: z.string(),
  startedAt: time,
  finishedAt: optionalTime,
  environment: optionalText,
  version: optionalText,
  previousVersion: optionalText,
  status: optionalText,
  author: optionalText,
  commit: optionalText,
  url: optionalText,
  description: optionalText,
});

const originSchema = z.union([
  z.object({ kind: z.literal('live'), name: z.string() }),
  z.object({ kind: z.literal('bundle'), id: z.string(), dir: z.string() }),
]);

const storedSchema = z.object({
  asOf: time,
  confidence: z.enum(['high', 'medium', 'low', 'none']),
  summary: z.string(),
  alerts: z.array(alertSchema),
  windows: z.object({
    baseline: z.object({ from: time, to: time }),
    incident: z.object({ from: time, to: time }),
    onset: time,
    onsetReason: z.string(),
  }),
  sources: z.object({
    logs: sourceStatusSchema,
    traces: sourceStatusSchema,
    changes: sourceStatusSchema,
    metrics: sourceStatusSchema.optional(),
  }),
  hypotheses: z.array(hypothesisSchema),
  changes: z.array(changeSchema).optional(),
  origin: originSchema.optional(),
});

type Stored = z.infer<typeof storedSchema>;
const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

function toSourceStatus(s: Stored['sources']['logs']): SourceStatus {
  if (s.state === 'failed') return { state: 'failed', code: s.code, detail: s.detail };
  return s.detail !== undefined ? { state: s.state, detail: s.detail } : { state: s.state };
}

function toEvidence(e: Stored['hypotheses'][number]['evidence'][number]): Evidence {
  return {
    id: e.id,
    source: e.source,
    kind: e.kind,
    service: e.service,
    summary: e.summary,
    stance: e.stance,
    data: e.data,
    ...(e.traceIds !== undefined ? { traceIds: e.traceIds } : {}),
    ...(e.examples !== undefined ? { examples: e.examples } : {}),
    ...(e.link !== undefined ? { link: e.link } : {}),
    ...(e.changeId !== undefined ? { changeId: e.changeId } : {}),
  };
}

function toHypothesis(h: Stored['hypotheses'][number]): Hypothesis {
  return {
    id: h.id,
    service: h.service,
    kind: h.kind,
    ...(h.changeId !== undefined ? { changeId: h.changeId } : {}),
    score: h.score,
    ...(h.probability !== undefined ? { probability: h.probability } : {}),
    evidence: h.evidence.map(toEvidence),
    reasons: h.reasons,
  };
}

function toAlert(a: Stored['alerts'][number]): Alert {
  return {
    fingerprint: a.fingerprint,
    name: a.name,
    status: a.status,
    service: orUndefined(a.service),
    labels: a.labels,
    annotations: a.annotations,
    startsAt: a.startsAt,
    endsAt: orUndefined(a.endsAt),
    generatorUrl: orUndefined(a.generatorUrl),
    source: a.source,
  };
}

function toChange(c: NonNullable<Stored['changes']>[number]): ChangeEvent {
  return {
    id: c.id,
    type: c.type,
    service: c.service,
    startedAt: c.startedAt,
    finishedAt: orUndefined(c.finishedAt),
    environment: orUndefined(c.environment),
    version: orUndefined(c.version),
    previousVersion: orUndefined(c.previousVersion),
    status: orUndefined(c.status),
    author: orUndefined(c.author),
    commit: orUndefined(c.commit),
    url: orUndefined(c.url),
    description: orUndefined(c.description),
  };
}

/**
 * The stored form of a triage (the `report` column of `triage_results`): the JSON of
 * `causeway triage --json` (times as ISO 8601), with every alert whole (labels, annotations, end,
 * link, source — runbook parameters read them), the change events the triage read, and the
 * origin of its data. Only `series` and `moved` (numbers for the chart, large, drawn at triage
 * time) are not kept. `decode` reads both this and rows written before the alerts were kept whole (their alerts
 * get empty labels and annotations); anything else is a field error naming the JSON path.
 */
export const triageReportCodec = {
  encode(t: StoredTriage): JsonObject {
    const r = t.report;
    const doc = {
      ...triageReportJson(r),
      alerts: r.alerts.map((a) => ({
        fingerprint: a.fingerprint,
        name: a.name,
        status: a.status,
        service: a.service ?? null,
        startsAt: iso(a.startsAt),
        labels: { ...a.labels },
        annotations: { ...a.annotations },
        endsAt: isoOrNull(a.endsAt),
        generatorUrl: a.generatorUrl ?? null,
        source: a.source,
      })),
      ...(r.changes
        ? {
            changes: r.changes.map((c) => ({
              id: c.id,
              type: c.type,
              service: c.service,
              startedAt: iso(c.startedAt),
              finishedAt: isoOrNull(c.finishedAt),
              environment: c.environment ?? null,
              version: c.version ?? null,
              previousVersion: c.previousVersion ?? null,
              status: c.status ?? null,
              author: c.author ?? null,
              commit: c.commit ?? null,
              url: c.url ?? null,
              description: c.description ?? null,
            })),
          }
        : {}),
      ...(t.origin ? { origin: { ...t.origin } } : {}),
    };
    // Drops undefined members (JSON has none) so the stored text is exactly what decode reads.
    return JSON.parse(JSON.stringify(doc)) as JsonObject;
  },

  decode(doc: unknown): Result<StoredTriage, FieldError> {
    const parsed = decodeWith(storedSchema, doc, 'not a stored triage report');
    if (!parsed.ok) return parsed;
    const s = parsed.value;
    const report: TriageReport = {
      asOf: s.asOf,
      alerts: s.alerts.map(toAlert),
      windows: s.windows,
      sources: {
        logs: toSourceStatus(s.sources.logs),
        traces: toSourceStatus(s.sources.traces),
        changes: toSourceStatus(s.sources.changes),
        ...(s.sources.metrics ? { metrics: toSourceStatus(s.sources.metrics) } : {}),
      },
      hypotheses: s.hypotheses.map(toHypothesis),
      confidence: s.confidence,
      summary: s.summary,
      ...(s.changes ? { changes: s.changes.map(toChange) } : {}),
    };
    return { ok: true, value: { report, origin: s.origin } };
  },
};
