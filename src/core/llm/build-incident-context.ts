import type { Evidence } from '../model/evidence.ts';
import type { JsonValue } from '../model/json-value.ts';
import type { TriageReport } from '../model/triage-report.ts';
import type { Redactor } from './create-redactor.ts';
import type { IncidentContext } from './incident-context.ts';
import { redactJson } from './redact-json.ts';
import type { SendField } from './send-fields.ts';

export type ContextLimits = {
  readonly fields: readonly SendField[];
  readonly maxHypotheses: number;
  readonly maxEvidencePerHypothesis: number;
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Projects a triage report onto what a model may see: the firing alerts, the top hypotheses in
 * their deterministic order, and their evidence under citation keys, keeping only allowlisted
 * optional fields and redacting every string. The report itself is not changed.
 */
export function buildIncidentContext(report: TriageReport, limits: ContextLimits, redact: Redactor): IncidentContext {
  const allow = new Set<string>(limits.fields);
  const keyOf = new Map<string, string>();
  const evidenceByKey = new Map<string, string>();
  const items: JsonValue[] = [];
  const topKeys = new Set<string>();
  const services = new Set<string>();

  const hypotheses = report.hypotheses.slice(0, limits.maxHypotheses).map((h, i) => {
    services.add(h.service);
    const keys: string[] = [];
    for (const e of h.evidence.slice(0, limits.maxEvidencePerHypothesis)) {
      let key = keyOf.get(e.id);
      if (!key) {
        key = `E${keyOf.size + 1}`;
        keyOf.set(e.id, key);
        evidenceByKey.set(key, e.id);
        items.push(evidenceItem(key, e, allow));
      }
      services.add(e.service);
      keys.push(key);
      if (i === 0) topKeys.add(key);
    }
    const out: Record<string, JsonValue> = {
      rank: i + 1,
      service: h.service,
      kind: h.kind,
      score: Math.round(h.score * 10) / 10,
      reasons: h.reasons.map((r) => r.text),
      evidence: keys,
    };
    if (h.changeId && allow.has('evidence.changeId')) out.change = h.changeId;
    return out;
  });

  const alerts = report.alerts
    .filter((a) => a.status === 'firing')
    .slice(0, 5)
    .map((a) => {
      if (a.service) services.add(a.service);
      const out: Record<string, JsonValue> = {
        name: a.name,
        status: a.status,
        service: a.service ?? null,
        startsAt: iso(a.startsAt),
      };
      if (allow.has('alert.labels')) out.labels = { ...a.labels };
      if (allow.has('alert.annotations')) out.annotations = { ...a.annotations };
      return out;
    });

  return {
    alert: redactJson(
      {
        alerts,
        triagedAt: iso(report.asOf),
        incidentWindow: { from: iso(report.windows.incident.from), to: iso(report.windows.incident.to) },
        onset: iso(report.windows.onset),
        confidence: report.confidence,
      },
      redact,
    ),
    hypotheses: redactJson(hypotheses, redact),
    evidence: redactJson(items, redact),
    citations: { evidence: evidenceByKey, topKeys },
    services: [...services].sort(),
  };
}

function evidenceItem(key: string, e: Evidence, allow: ReadonlySet<string>): JsonValue {
  const out: Record<string, JsonValue> = {
    key,
    source: e.source,
    kind: e.kind,
    service: e.service,
    stance: e.stance,
    summary: summaryOf(e, allow),
  };
  if (allow.has('evidence.data')) {
    const data: Record<string, JsonValue> = { ...e.data };
    if (!allow.has('change.author')) delete data.author;
    out.data = data;
  }
  if (allow.has('evidence.examples') && e.examples?.length) out.examples = e.examples.map((x) => x.slice(0, 500));
  if (allow.has('evidence.changeId') && e.changeId) out.change = e.changeId;
  if (allow.has('evidence.link') && e.link) out.link = e.link;
  if (allow.has('evidence.traceIds') && e.traceIds?.length) out.traceIds = e.traceIds.slice(0, 3);
  return out;
}

/** Evidence summaries quote alert annotations and change descriptions; those go only when allowlisted. */
function summaryOf(e: Evidence, allow: ReadonlySet<string>): string {
  if (e.source === 'alert' && !allow.has('alert.annotations')) return `an alert fired on ${e.service}`;
  if (e.source === 'changes' && !allow.has('change.description')) return e.summary.replace(/ — "[\s\S]*"$/, '');
  return e.summary;
}
